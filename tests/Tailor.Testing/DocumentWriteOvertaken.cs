using Tailor.Storage;

namespace Tailor.Testing;

/// <summary>
/// A document store that lets <paramref name="overtaking"/> write first when a bulk write of document
/// <paramref name="overtakenId"/> in <paramref name="overtakenCollection"/> is about to go out, so that write finds the
/// document changed and loses its race.
/// </summary>
public sealed class DocumentWriteOvertaken(IDocumentStore inner, string overtakenCollection, string overtakenId, OvertakingWriter overtaking)
    : IDocumentStore
{
    public async Task<IReadOnlyList<bool>> TryWriteManyAsync(
        string collection, IReadOnlyList<ConditionalWrite> writes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(writes);
        if (collection == overtakenCollection && writes.Any(write => write.Id == overtakenId))
        {
            await overtaking.RunOnceAsync();
        }

        return await inner.TryWriteManyAsync(collection, writes, cancellationToken);
    }

    public Task<IReadOnlyDictionary<string, VersionedDocument>> GetManyVersionedAsync(
        string collection, IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default) =>
        inner.GetManyVersionedAsync(collection, ids, cancellationToken);

    public Task UpsertAsync(string collection, string id, string json, CancellationToken cancellationToken = default) =>
        inner.UpsertAsync(collection, id, json, cancellationToken);

    public Task<string?> GetAsync(string collection, string id, CancellationToken cancellationToken = default) =>
        inner.GetAsync(collection, id, cancellationToken);

    public Task<VersionedDocument?> GetVersionedAsync(string collection, string id, CancellationToken cancellationToken = default) =>
        inner.GetVersionedAsync(collection, id, cancellationToken);

    public Task<bool> TryInsertAsync(string collection, string id, string json, CancellationToken cancellationToken = default) =>
        inner.TryInsertAsync(collection, id, json, cancellationToken);

    public Task<bool> TryReplaceAsync(string collection, string id, string json, long expectedVersion, CancellationToken cancellationToken = default) =>
        inner.TryReplaceAsync(collection, id, json, expectedVersion, cancellationToken);

    public IAsyncEnumerable<KeyValuePair<string, string>> ListAsync(string collection, CancellationToken cancellationToken = default) =>
        inner.ListAsync(collection, cancellationToken);

    public Task<bool> DeleteAsync(string collection, string id, CancellationToken cancellationToken = default) =>
        inner.DeleteAsync(collection, id, cancellationToken);
}
