namespace Tailor.Contracts;

/// <summary>
/// A user's interest vector: the recency-weighted mean of the vectors of what they bought, viewed or wrote. It is
/// comparable with the <see cref="ItemEmbedded"/> vectors of the same model and model version only.
/// </summary>
public record UserInterestsUpdated(
    Guid EventId,
    string UserId,
    DateTimeOffset OccurredAt,
    string Model,
    string ModelVersion,
    float[] Vector,
    int EvidenceCount) : IUserEvent;
