namespace Tailor.Storage;

/// <summary>
/// Latest-state documents (model snapshots, catalog copies, per-user model state) keyed by collection and id. Every
/// write gives the document a new <see cref="VersionedDocument.Version"/>, and the conditional writes
/// (<see cref="TryInsertAsync"/>, <see cref="TryReplaceAsync"/>) are what let several replicas of a service update one
/// user's state without a lock: see <see cref="DocumentUpdates.UpdateAsync{TDocument}"/>.
/// </summary>
public interface IDocumentStore
{
    /// <summary>Writes the document whatever is there (last writer wins); for state no two writers compute from each other.</summary>
    Task UpsertAsync(string collection, string id, string json, CancellationToken cancellationToken = default);

    /// <summary>Upserts the documents of one collection; one transaction where the adapter can (see <see cref="IEventStore.AppendManyAsync"/>).</summary>
    async Task UpsertManyAsync(string collection, IReadOnlyList<KeyValuePair<string, string>> documents, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documents);
        foreach (var (id, json) in documents)
        {
            await UpsertAsync(collection, id, json, cancellationToken);
        }
    }

    Task<string?> GetAsync(string collection, string id, CancellationToken cancellationToken = default);

    /// <summary>The document with its version, the token a later <see cref="TryReplaceAsync"/> compares against.</summary>
    Task<VersionedDocument?> GetVersionedAsync(string collection, string id, CancellationToken cancellationToken = default);

    /// <summary>Writes the document only if the id is free; false (and nothing written) when a document is there.</summary>
    Task<bool> TryInsertAsync(string collection, string id, string json, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes the document only if the stored one still has <paramref name="expectedVersion"/>; false (and nothing
    /// written) when another writer got there first or the document was deleted.
    /// </summary>
    Task<bool> TryReplaceAsync(string collection, string id, string json, long expectedVersion, CancellationToken cancellationToken = default);

    /// <summary>
    /// The documents of <paramref name="ids"/> that exist, with their versions (a missing id is absent from the
    /// answer): one query for a batch's users instead of one each. The default reads one at a time.
    /// </summary>
    async Task<IReadOnlyDictionary<string, VersionedDocument>> GetManyVersionedAsync(
        string collection, IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var found = new Dictionary<string, VersionedDocument>(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            if (!found.ContainsKey(id) && await GetVersionedAsync(collection, id, cancellationToken) is { } document)
            {
                found[id] = document;
            }
        }

        return found;
    }

    /// <summary>
    /// Conditional writes to one collection, each exactly as <see cref="TryInsertAsync"/> or <see cref="TryReplaceAsync"/>
    /// would make it; for each, whether it was written. Each succeeds or fails on its own (one lost race leaves the
    /// others written). An adapter that can runs them in one transaction, which is what makes a batch's user updates
    /// one commit; the default writes one at a time.
    /// </summary>
    async Task<IReadOnlyList<bool>> TryWriteManyAsync(
        string collection, IReadOnlyList<ConditionalWrite> writes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(writes);
        var written = new bool[writes.Count];
        for (var index = 0; index < writes.Count; index++)
        {
            var write = writes[index];
            written[index] = write.ExpectedVersion is { } version
                ? await TryReplaceAsync(collection, write.Id, write.Json, version, cancellationToken)
                : await TryInsertAsync(collection, write.Id, write.Json, cancellationToken);
        }

        return written;
    }

    IAsyncEnumerable<KeyValuePair<string, string>> ListAsync(string collection, CancellationToken cancellationToken = default);

    Task<bool> DeleteAsync(string collection, string id, CancellationToken cancellationToken = default);
}
