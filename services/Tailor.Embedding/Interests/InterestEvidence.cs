namespace Tailor.Embedding.Interests;

/// <summary>One thing a user bought, viewed, clicked or wrote, as a vector with how much it says about them.</summary>
/// <param name="EventId">The event it came from: the user's state remembers it, so one event never counts twice.</param>
/// <param name="TextKey">
/// For a text the user wrote, the key its vector is cached under (<see cref="Vectors.TextVectors.KeyOf"/>): the user's
/// state remembers it so that an erasure can remove the vector from the caches. Null for anything else.
/// </param>
public sealed record InterestEvidence(DateTimeOffset OccurredAt, float[] Vector, double Weight, Guid EventId, string? TextKey = null);
