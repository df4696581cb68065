namespace Tailor.Recommendation.Training;

/// <summary>
/// What an email showed a user, as this service keeps it (no address, no copy): shown-but-ignored items count as weak
/// negatives at the next training, once the email was opened. <paramref name="EmailId"/> links the showing to the
/// email's opens; records written before it was kept have none.
/// </summary>
public sealed record ShownItems(Guid EventId, string UserId, DateTimeOffset SendAt, IReadOnlyList<string> ItemIds, Guid? EmailId = null);
