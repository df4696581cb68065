using Tailor.Storage;

namespace Tailor.Profiles.Rebuild;

/// <summary>
/// Rebuilds a slice that its service keeps one document per user for (in <paramref name="collection"/>): each user's
/// document is read again, with its version, just before their slice is written, and again after
/// (<see cref="StoredSliceWrites.WriteLatestSliceAsync{TDocument, TSlice}"/>), so a user erased during the rebuild is
/// not brought back and a document written meanwhile (a training on another replica) is what the slice ends as.
/// </summary>
internal sealed class StoredSliceRebuilder<TDocument, TSlice>(
    IDocumentStore documents, IProfileCache profiles, string collection, Func<TDocument, TSlice> toSlice) : IProfileSliceRebuilder
    where TDocument : class
    where TSlice : IProfileSlice
{
    public string SliceName => TSlice.SliceName;

    public async Task<int> RebuildAsync(CancellationToken cancellationToken)
    {
        var count = 0;
        await foreach (var (userId, _) in documents.ListAsync(collection, cancellationToken))
        {
            if (await documents.FindVersionedAsync<TDocument>(collection, userId, cancellationToken) is { } document)
            {
                await profiles.WriteLatestSliceAsync(documents, collection, userId, document, toSlice, cancellationToken);
                count++;
            }
        }

        return count;
    }
}
