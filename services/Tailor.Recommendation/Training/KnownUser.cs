using Tailor.Contracts;

namespace Tailor.Recommendation.Training;

/// <summary>
/// What this service keeps of a <c>UserIdentified</c>: that the user exists, so every training gives them
/// recommendations. Their email address and traits stay with Ingestion.
/// </summary>
public sealed record KnownUser(Guid EventId, string UserId, DateTimeOffset OccurredAt) : IUserEvent
{
    public static KnownUser From(UserIdentified identified)
    {
        ArgumentNullException.ThrowIfNull(identified);
        return new KnownUser(identified.EventId, identified.UserId, identified.OccurredAt);
    }
}
