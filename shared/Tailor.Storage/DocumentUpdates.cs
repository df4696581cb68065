using System.Text.Json;

namespace Tailor.Storage;

/// <summary>
/// Read, change, write-if-unchanged: how a document that several replicas (or several consumers of one replica) may
/// change at once is updated, instead of an in-process lock that only holds within one process.
/// </summary>
public static class DocumentUpdates
{
    /// <summary>Attempts before giving up to the caller's retry; contention this long means the document is a hot spot.</summary>
    public const int MaxAttempts = 50;

    private static readonly TimeSpan MaxBackoff = TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// Applies <paramref name="change"/> to the stored document (null when there is none) and writes the result only if
    /// nobody wrote the document in between; otherwise reads it again and applies <paramref name="change"/> again, so
    /// <paramref name="change"/> must be a pure function of the document (and whatever it captures, set afresh on each
    /// call). Returning the document it was given (the same instance) or null writes nothing.
    /// </summary>
    /// <returns>The document as stored afterwards with its version (null when none is).</returns>
    /// <exception cref="DocumentConflictException">Another writer won <see cref="MaxAttempts"/> times in a row.</exception>
    public static async Task<Versioned<TDocument>?> UpdateAsync<TDocument>(
        this IDocumentStore store, string collection, string id, Func<TDocument?, TDocument?> change, CancellationToken cancellationToken = default)
        where TDocument : class
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(change);
        for (var attempt = 1; ; attempt++)
        {
            var stored = await store.GetVersionedAsync(collection, id, cancellationToken);
            var current = stored is null ? null : JsonSerializer.Deserialize<TDocument>(stored.Json, StoreJson.Options);
            var changed = change(current);
            if (changed is null || ReferenceEquals(changed, current))
            {
                return current is null ? null : new Versioned<TDocument>(current, stored!.Version);
            }

            var json = JsonSerializer.Serialize(changed, StoreJson.Options);
            var written = stored is null
                ? await store.TryInsertAsync(collection, id, json, cancellationToken)
                : await store.TryReplaceAsync(collection, id, json, stored.Version, cancellationToken);
            if (written)
            {
                return new Versioned<TDocument>(changed, stored is null ? 1 : stored.Version + 1);
            }

            if (attempt == MaxAttempts)
            {
                throw new DocumentConflictException(collection, id, attempt);
            }

            await Task.Delay(Backoff(attempt), cancellationToken);
        }
    }

    /// <summary>The document as stored now and its version (see <see cref="VersionedDocument"/>).</summary>
    public static async Task<Versioned<TDocument>?> FindVersionedAsync<TDocument>(
        this IDocumentStore store, string collection, string id, CancellationToken cancellationToken = default)
        where TDocument : class
    {
        ArgumentNullException.ThrowIfNull(store);
        var stored = await store.GetVersionedAsync(collection, id, cancellationToken);
        return stored is null || JsonSerializer.Deserialize<TDocument>(stored.Json, StoreJson.Options) is not { } document
            ? null
            : new Versioned<TDocument>(document, stored.Version);
    }

    /// <summary>Stores the document only if the id is free: true for the one writer that stored it.</summary>
    public static Task<bool> TryAddAsync<TDocument>(
        this IDocumentStore store, string collection, string id, TDocument document, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        return store.TryInsertAsync(collection, id, JsonSerializer.Serialize(document, StoreJson.Options), cancellationToken);
    }

    // Random, growing, capped: writers that collided once must not collide again in lockstep.
    private static TimeSpan Backoff(int attempt) =>
        TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * Math.Min(MaxBackoff.TotalMilliseconds, 1 << Math.Min(attempt, 10)));
}
