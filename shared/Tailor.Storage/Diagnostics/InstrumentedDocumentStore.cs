namespace Tailor.Storage.Diagnostics;

/// <summary>Adds a span per document-store call, so a consumer's trace shows its reads and writes on MongoDB or SQLite.</summary>
public sealed class InstrumentedDocumentStore(IDocumentStore inner, string system) : IDocumentStore
{
    /// <summary>The adapter underneath: what the registration chose.</summary>
    public IDocumentStore Inner => inner;

    public async Task UpsertAsync(string collection, string id, string json, CancellationToken cancellationToken = default)
    {
        using var activity = StorageTelemetry.Start(system, "upsert", collection);
        await activity.Traced(inner.UpsertAsync(collection, id, json, cancellationToken));
    }

    public async Task UpsertManyAsync(string collection, IReadOnlyList<KeyValuePair<string, string>> documents, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documents);
        using var activity = StorageTelemetry.Start(system, "upsert_many", collection);
        activity?.SetTag("db.operation.batch.size", documents.Count);
        await activity.Traced(inner.UpsertManyAsync(collection, documents, cancellationToken));
    }

    public async Task<string?> GetAsync(string collection, string id, CancellationToken cancellationToken = default)
    {
        using var activity = StorageTelemetry.Start(system, "get", collection);
        return await activity.Traced(inner.GetAsync(collection, id, cancellationToken));
    }

    public async Task<VersionedDocument?> GetVersionedAsync(string collection, string id, CancellationToken cancellationToken = default)
    {
        using var activity = StorageTelemetry.Start(system, "get", collection);
        return await activity.Traced(inner.GetVersionedAsync(collection, id, cancellationToken));
    }

    public async Task<bool> TryInsertAsync(string collection, string id, string json, CancellationToken cancellationToken = default)
    {
        using var activity = StorageTelemetry.Start(system, "insert", collection);
        return await activity.Traced(inner.TryInsertAsync(collection, id, json, cancellationToken));
    }

    public async Task<bool> TryReplaceAsync(string collection, string id, string json, long expectedVersion, CancellationToken cancellationToken = default)
    {
        using var activity = StorageTelemetry.Start(system, "replace", collection);
        return await activity.Traced(inner.TryReplaceAsync(collection, id, json, expectedVersion, cancellationToken));
    }

    // The bulk calls are forwarded too: the interface's defaults would read and write one document at a time, each in a
    // transaction of its own, under every batch consumer of every service.
    public async Task<IReadOnlyDictionary<string, VersionedDocument>> GetManyVersionedAsync(
        string collection, IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        using var activity = StorageTelemetry.Start(system, "get_many", collection);
        activity?.SetTag("db.operation.batch.size", ids.Count);
        return await activity.Traced(inner.GetManyVersionedAsync(collection, ids, cancellationToken));
    }

    public async Task<IReadOnlyList<bool>> TryWriteManyAsync(
        string collection, IReadOnlyList<ConditionalWrite> writes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(writes);
        using var activity = StorageTelemetry.Start(system, "write_many", collection);
        activity?.SetTag("db.operation.batch.size", writes.Count);
        return await activity.Traced(inner.TryWriteManyAsync(collection, writes, cancellationToken));
    }

    // Not traced: the caller consumes the documents at its own pace, so a span would time the caller, not the store.
    public IAsyncEnumerable<KeyValuePair<string, string>> ListAsync(string collection, CancellationToken cancellationToken = default) =>
        inner.ListAsync(collection, cancellationToken);

    public async Task<bool> DeleteAsync(string collection, string id, CancellationToken cancellationToken = default)
    {
        using var activity = StorageTelemetry.Start(system, "delete", collection);
        return await activity.Traced(inner.DeleteAsync(collection, id, cancellationToken));
    }
}
