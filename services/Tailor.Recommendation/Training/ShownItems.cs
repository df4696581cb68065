namespace Tailor.Recommendation.Training;

/// <summary>
/// What an email showed a user, as this service keeps it (no address, no copy): shown-but-ignored items count as weak
/// negatives at the next training.
/// </summary>
public sealed record ShownItems(Guid EventId, string UserId, DateTimeOffset SendAt, IReadOnlyList<string> ItemIds);
