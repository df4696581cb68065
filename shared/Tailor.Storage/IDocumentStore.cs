namespace Tailor.Storage;

/// <summary>Latest-state documents (model snapshots, catalog copies, per-user model state) keyed by collection and id.</summary>
public interface IDocumentStore
{
    Task UpsertAsync(string collection, string id, string json, CancellationToken cancellationToken = default);

    Task<string?> GetAsync(string collection, string id, CancellationToken cancellationToken = default);

    IAsyncEnumerable<KeyValuePair<string, string>> ListAsync(string collection, CancellationToken cancellationToken = default);

    Task<bool> DeleteAsync(string collection, string id, CancellationToken cancellationToken = default);
}
