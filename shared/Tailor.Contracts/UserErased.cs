namespace Tailor.Contracts;

/// <summary>A user asked to be forgotten: every service removes what it holds about them.</summary>
public record UserErased(Guid EventId, string UserId, DateTimeOffset OccurredAt);
