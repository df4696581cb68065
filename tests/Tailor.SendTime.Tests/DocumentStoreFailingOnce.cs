using Tailor.Storage;

namespace Tailor.SendTime.Tests;

/// <summary>A document store whose first delete in <paramref name="failingCollection"/> fails, as a busy database would.</summary>
internal sealed class DocumentStoreFailingOnce(IDocumentStore inner, string failingCollection) : IDocumentStore
{
    private int _deletes;

    public bool Failed => Volatile.Read(ref _deletes) > 0;

    public Task UpsertAsync(string collection, string id, string json, CancellationToken cancellationToken = default) =>
        inner.UpsertAsync(collection, id, json, cancellationToken);

    public Task<string?> GetAsync(string collection, string id, CancellationToken cancellationToken = default) =>
        inner.GetAsync(collection, id, cancellationToken);

    public IAsyncEnumerable<KeyValuePair<string, string>> ListAsync(string collection, CancellationToken cancellationToken = default) =>
        inner.ListAsync(collection, cancellationToken);

    public Task<bool> DeleteAsync(string collection, string id, CancellationToken cancellationToken = default) =>
        collection == failingCollection && Interlocked.Increment(ref _deletes) == 1
            ? Task.FromException<bool>(new IOException("The document store is busy (injected once by the test)."))
            : inner.DeleteAsync(collection, id, cancellationToken);
}
