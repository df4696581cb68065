namespace Tailor.Storage;

/// <summary>Latest-state documents (model snapshots, catalog copies, per-user model state) keyed by collection and id.</summary>
public interface IDocumentStore
{
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

    IAsyncEnumerable<KeyValuePair<string, string>> ListAsync(string collection, CancellationToken cancellationToken = default);

    Task<bool> DeleteAsync(string collection, string id, CancellationToken cancellationToken = default);
}
