using Tailor.Storage;

namespace Tailor.Testing;

/// <summary>
/// A document store that lets <paramref name="overtaking"/> write first when a conditional write of document
/// <paramref name="overtakenId"/> in <paramref name="overtakenCollection"/> (alone or in a bulk write) is about to go
/// out, so that write finds the document changed and loses its race.
/// </summary>
public sealed class DocumentWriteOvertaken(IDocumentStore inner, string overtakenCollection, string overtakenId, OvertakingWriter overtaking)
    : DocumentStoreDecorator(inner)
{
    public override async Task<IReadOnlyList<bool>> TryWriteManyAsync(
        string collection, IReadOnlyList<ConditionalWrite> writes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(writes);
        await OvertakeBeforeAsync(collection, writes.Select(write => write.Id));
        return await base.TryWriteManyAsync(collection, writes, cancellationToken);
    }

    public override async Task<bool> TryInsertAsync(string collection, string id, string json, CancellationToken cancellationToken = default)
    {
        await OvertakeBeforeAsync(collection, [id]);
        return await base.TryInsertAsync(collection, id, json, cancellationToken);
    }

    public override async Task<bool> TryReplaceAsync(string collection, string id, string json, long expectedVersion, CancellationToken cancellationToken = default)
    {
        await OvertakeBeforeAsync(collection, [id]);
        return await base.TryReplaceAsync(collection, id, json, expectedVersion, cancellationToken);
    }

    private async Task OvertakeBeforeAsync(string collection, IEnumerable<string> ids)
    {
        if (collection == overtakenCollection && ids.Contains(overtakenId, StringComparer.Ordinal))
        {
            await overtaking.RunOnceAsync();
        }
    }
}
