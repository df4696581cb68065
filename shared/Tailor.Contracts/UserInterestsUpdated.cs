namespace Tailor.Contracts;

/// <summary>A user's interest vector: the recency-weighted mean of the vectors of what they bought, viewed or wrote.</summary>
public record UserInterestsUpdated(
    Guid EventId,
    string UserId,
    DateTimeOffset OccurredAt,
    string Model,
    float[] Vector,
    int EvidenceCount);
