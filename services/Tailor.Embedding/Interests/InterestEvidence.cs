namespace Tailor.Embedding.Interests;

/// <summary>One thing a user bought, viewed, clicked or wrote, as a vector with how much it says about them.</summary>
public sealed record InterestEvidence(DateTimeOffset OccurredAt, float[] Vector, double Weight);
