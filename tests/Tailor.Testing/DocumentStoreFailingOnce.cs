using Tailor.Storage;

namespace Tailor.Testing;

/// <summary>
/// A document store whose first write (upsert, insert or replace; or, with <paramref name="onDelete"/>, first delete) in
/// <paramref name="failingCollection"/> fails, as a busy database would.
/// </summary>
public sealed class DocumentStoreFailingOnce(IDocumentStore inner, string failingCollection, bool onDelete = false) : IDocumentStore
{
    private int _writes;

    public bool Failed => Volatile.Read(ref _writes) > 0;

    public Task UpsertAsync(string collection, string id, string json, CancellationToken cancellationToken = default) =>
        !onDelete && FailsNow(collection)
            ? Task.FromException(new InjectedFailure("document store"))
            : inner.UpsertAsync(collection, id, json, cancellationToken);

    public Task<string?> GetAsync(string collection, string id, CancellationToken cancellationToken = default) =>
        inner.GetAsync(collection, id, cancellationToken);

    public Task<VersionedDocument?> GetVersionedAsync(string collection, string id, CancellationToken cancellationToken = default) =>
        inner.GetVersionedAsync(collection, id, cancellationToken);

    public Task<bool> TryInsertAsync(string collection, string id, string json, CancellationToken cancellationToken = default) =>
        !onDelete && FailsNow(collection)
            ? Task.FromException<bool>(new InjectedFailure("document store"))
            : inner.TryInsertAsync(collection, id, json, cancellationToken);

    public Task<bool> TryReplaceAsync(string collection, string id, string json, long expectedVersion, CancellationToken cancellationToken = default) =>
        !onDelete && FailsNow(collection)
            ? Task.FromException<bool>(new InjectedFailure("document store"))
            : inner.TryReplaceAsync(collection, id, json, expectedVersion, cancellationToken);

    public IAsyncEnumerable<KeyValuePair<string, string>> ListAsync(string collection, CancellationToken cancellationToken = default) =>
        inner.ListAsync(collection, cancellationToken);

    public Task<bool> DeleteAsync(string collection, string id, CancellationToken cancellationToken = default) =>
        onDelete && FailsNow(collection)
            ? Task.FromException<bool>(new InjectedFailure("document store"))
            : inner.DeleteAsync(collection, id, cancellationToken);

    private bool FailsNow(string collection) => collection == failingCollection && Interlocked.Increment(ref _writes) == 1;
}
