namespace Tailor.Ingestion.Identities;

/// <summary>An anonymous id known to be a user (identify with both ids, or alias).</summary>
internal sealed record IdentityLink(string UserId, DateTimeOffset LinkedAt);
