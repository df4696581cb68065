using Microsoft.Extensions.Options;
using Tailor.Storage;

namespace Tailor.Ingestion.Security;

/// <summary>
/// Resolves a presented key to its client: configured keys first, then keys created through the admin API. Looked up
/// on every request, without a cache, so a revoked key stops working at once.
/// </summary>
internal sealed class ApiKeyRegistry(IOptions<IngestionOptions> options, IDocumentStore documents, TimeProvider time)
{
    /// <summary>Keys created through the admin API, keyed by their hash.</summary>
    public const string Collection = "ingestion.api-keys";

    public async Task<ApiClient?> FindAsync(string key, CancellationToken cancellationToken)
    {
        var hash = ApiKeys.Hash(key);
        if (options.Value.ApiKeys.FirstOrDefault(configured => configured.KeyHash == hash) is { } configuredKey)
        {
            return new ApiClient(ApiKeys.IdOf(hash), configuredKey.Client, configuredKey.Scopes);
        }

        var stored = await documents.FindAsync<StoredApiKey>(Collection, hash, cancellationToken);
        return stored is { RevokedAt: null } ? new ApiClient(stored.KeyId, stored.Client, stored.Scopes) : null;
    }

    /// <summary>Whether any key would be let in: one in configuration, or one created through the admin API and not revoked.</summary>
    public async Task<bool> AnyUsableAsync(CancellationToken cancellationToken) =>
        options.Value.ApiKeys.Count > 0
        || await documents.ListAsync<StoredApiKey>(Collection, cancellationToken).AnyAsync(stored => stored.Value.RevokedAt is null, cancellationToken);

    /// <returns>The new key (shown once, never stored) and what is kept of it.</returns>
    public async Task<(string Key, StoredApiKey Stored)> CreateAsync(string client, IReadOnlyList<string> scopes, CancellationToken cancellationToken)
    {
        var key = ApiKeys.Create();
        var stored = new StoredApiKey(ApiKeys.Hash(key), client, scopes, time.GetUtcNow(), RevokedAt: null);
        await documents.PutAsync(Collection, stored.KeyHash, stored, cancellationToken);
        return (key, stored);
    }

    public async Task<IReadOnlyList<StoredApiKey>> ListAsync(CancellationToken cancellationToken)
    {
        var keys = new List<StoredApiKey>();
        await foreach (var (_, stored) in documents.ListAsync<StoredApiKey>(Collection, cancellationToken))
        {
            keys.Add(stored);
        }

        return keys;
    }

    /// <returns>False when no key created through the API has that id (configured keys are revoked in configuration).</returns>
    public async Task<bool> RevokeAsync(string keyId, CancellationToken cancellationToken)
    {
        var keys = await ListAsync(cancellationToken);
        if (keys.FirstOrDefault(stored => stored.KeyId == keyId) is not { } key)
        {
            return false;
        }

        // Conditional: of two revocations at once (two replicas), the first time stands, and neither brings back a key
        // the other deleted.
        var revokedAt = time.GetUtcNow();
        await documents.UpdateAsync<StoredApiKey>(
            Collection, key.KeyHash, stored => stored is { RevokedAt: null } ? stored with { RevokedAt = revokedAt } : stored, cancellationToken);

        return true;
    }
}
