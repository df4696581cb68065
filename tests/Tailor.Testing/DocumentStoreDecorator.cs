using Tailor.Storage;

namespace Tailor.Testing;

/// <summary>
/// A document store that passes every call, bulk ones included, to <paramref name="inner"/>: the base of the test
/// stores that change what one or two calls do.
/// </summary>
public abstract class DocumentStoreDecorator(IDocumentStore inner) : IDocumentStore
{
    public virtual Task UpsertAsync(string collection, string id, string json, CancellationToken cancellationToken = default) =>
        inner.UpsertAsync(collection, id, json, cancellationToken);

    public virtual Task UpsertManyAsync(string collection, IReadOnlyList<KeyValuePair<string, string>> documents, CancellationToken cancellationToken = default) =>
        inner.UpsertManyAsync(collection, documents, cancellationToken);

    public virtual Task<string?> GetAsync(string collection, string id, CancellationToken cancellationToken = default) =>
        inner.GetAsync(collection, id, cancellationToken);

    public virtual Task<VersionedDocument?> GetVersionedAsync(string collection, string id, CancellationToken cancellationToken = default) =>
        inner.GetVersionedAsync(collection, id, cancellationToken);

    public virtual Task<IReadOnlyDictionary<string, VersionedDocument>> GetManyVersionedAsync(
        string collection, IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default) =>
        inner.GetManyVersionedAsync(collection, ids, cancellationToken);

    public virtual Task<bool> TryInsertAsync(string collection, string id, string json, CancellationToken cancellationToken = default) =>
        inner.TryInsertAsync(collection, id, json, cancellationToken);

    public virtual Task<bool> TryReplaceAsync(string collection, string id, string json, long expectedVersion, CancellationToken cancellationToken = default) =>
        inner.TryReplaceAsync(collection, id, json, expectedVersion, cancellationToken);

    public virtual Task<IReadOnlyList<bool>> TryWriteManyAsync(
        string collection, IReadOnlyList<ConditionalWrite> writes, CancellationToken cancellationToken = default) =>
        inner.TryWriteManyAsync(collection, writes, cancellationToken);

    public virtual IAsyncEnumerable<KeyValuePair<string, string>> ListAsync(string collection, CancellationToken cancellationToken = default) =>
        inner.ListAsync(collection, cancellationToken);

    public virtual Task<bool> DeleteAsync(string collection, string id, CancellationToken cancellationToken = default) =>
        inner.DeleteAsync(collection, id, cancellationToken);
}
