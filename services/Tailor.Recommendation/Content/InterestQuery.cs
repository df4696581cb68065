namespace Tailor.Recommendation.Content;

/// <summary>A user's interest vector, and the embedding model and version that placed it.</summary>
/// <param name="Bought">
/// Items the user has bought: never among the picks. The vector is made partly of them, so they are its nearest items,
/// and an email would offer what the customer just ordered as new to them.
/// </param>
public sealed record InterestQuery(string Model, string ModelVersion, float[] Interests, IReadOnlySet<string> Bought);
