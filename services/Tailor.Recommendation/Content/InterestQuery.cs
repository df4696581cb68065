namespace Tailor.Recommendation.Content;

/// <summary>A user's interest vector, and the embedding model and version that placed it.</summary>
public sealed record InterestQuery(string Model, string ModelVersion, float[] Interests);
