namespace Tailor.Ingestion.Security;

/// <summary>A key created through the admin API, kept under its hash; the key itself is never stored.</summary>
internal sealed record StoredApiKey(string KeyHash, string Client, IReadOnlyList<string> Scopes, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt)
{
    public string KeyId => ApiKeys.IdOf(KeyHash);
}
