namespace Tailor.Contracts;

/// <summary>
/// A user asked to be forgotten: every service removes what it holds about them. Not an <see cref="IUserEvent"/>:
/// Ingestion files it without the user id, so the record of the erasure is not itself found as the user's data.
/// </summary>
public record UserErased(Guid EventId, string UserId, DateTimeOffset OccurredAt);
