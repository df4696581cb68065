namespace Tailor.Contracts;

/// <summary>A user's preferred hour of the week changed.</summary>
/// <param name="BestHourOfWeek">0 = Monday 00:00 … 167 = Sunday 23:00, on the user's clock (<paramref name="TimeZone"/>).</param>
/// <param name="EvidenceCount">How many of the user's own events the estimate rests on.</param>
/// <param name="TimeZone">The IANA zone of the user's clock; null means UTC.</param>
public record SendTimeUpdated(
    Guid EventId,
    string UserId,
    DateTimeOffset OccurredAt,
    int BestHourOfWeek,
    int EvidenceCount,
    string? TimeZone = null) : IUserEvent;
