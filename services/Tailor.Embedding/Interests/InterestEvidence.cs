namespace Tailor.Embedding.Interests;

/// <summary>One thing a user bought, viewed, clicked or wrote, as a vector with how much it says about them.</summary>
/// <param name="EventId">The event it came from: the user's state remembers it, so one event never counts twice.</param>
public sealed record InterestEvidence(DateTimeOffset OccurredAt, float[] Vector, double Weight, Guid EventId);
