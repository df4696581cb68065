namespace Tailor.Ingestion.Security;

/// <summary>Body of <c>POST /v1/admin/api-keys</c>.</summary>
/// <param name="Scopes">Any of <c>events</c>, <c>catalog</c>, <c>campaigns</c>, <c>admin</c>.</param>
internal sealed record ApiKeyRequestDocument(string Client, IReadOnlyList<string> Scopes);

/// <summary>Answer of <c>POST /v1/admin/api-keys</c>: the only time the key itself is shown.</summary>
internal sealed record CreatedApiKeyDocument(string KeyId, string Client, IReadOnlyList<string> Scopes, string Key, DateTimeOffset CreatedAt);

/// <summary>One key in <c>GET /v1/admin/api-keys</c>: everything but the key.</summary>
internal sealed record ApiKeyListingDocument(string KeyId, string Client, IReadOnlyList<string> Scopes, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);
