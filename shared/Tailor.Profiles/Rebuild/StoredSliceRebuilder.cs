using Tailor.Storage;

namespace Tailor.Profiles.Rebuild;

/// <summary>
/// Rebuilds a slice that its service keeps one document per user for (in <paramref name="collection"/>): each user's
/// document is read again just before their slice is written, so a user erased during the rebuild is not brought back.
/// </summary>
internal sealed class StoredSliceRebuilder<TDocument, TSlice>(
    IDocumentStore documents, IProfileCache profiles, string collection, Func<TDocument, TSlice> toSlice) : IProfileSliceRebuilder
    where TSlice : IProfileSlice
{
    public string SliceName => TSlice.SliceName;

    public async Task<int> RebuildAsync(CancellationToken cancellationToken)
    {
        var count = 0;
        await foreach (var (userId, _) in documents.ListAsync(collection, cancellationToken))
        {
            if (await documents.FindAsync<TDocument>(collection, userId, cancellationToken) is { } document)
            {
                await profiles.WriteSliceAsync(userId, toSlice(document), cancellationToken);
                count++;
            }
        }

        return count;
    }
}
