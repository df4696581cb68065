using Tailor.Storage;

namespace Tailor.Testing;

/// <summary>
/// A document store that lets <paramref name="overtaking"/> write first when a bulk write of document
/// <paramref name="overtakenId"/> in <paramref name="overtakenCollection"/> is about to go out, so that write finds the
/// document changed and loses its race.
/// </summary>
public sealed class DocumentWriteOvertaken(IDocumentStore inner, string overtakenCollection, string overtakenId, OvertakingWriter overtaking)
    : DocumentStoreDecorator(inner)
{
    public override async Task<IReadOnlyList<bool>> TryWriteManyAsync(
        string collection, IReadOnlyList<ConditionalWrite> writes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(writes);
        if (collection == overtakenCollection && writes.Any(write => write.Id == overtakenId))
        {
            await overtaking.RunOnceAsync();
        }

        return await base.TryWriteManyAsync(collection, writes, cancellationToken);
    }
}
