using Tailor.Storage;

namespace Tailor.Profiles;

/// <summary>
/// Writes a profile slice drawn from a service's own per-user document so that, with several replicas updating one user
/// at once, the slice left in the cache is the one of the newest document, whatever order the replicas' writes land in.
/// </summary>
public static class StoredSliceWrites
{
    /// <summary>
    /// Writes the slice of <paramref name="written"/> (the document version this caller stored), then reads the
    /// document's version again: when another writer stored a newer one meanwhile, writes that one's slice too, until
    /// the version read after a write is the one written. Two writers racing both end on the newest slice. When the
    /// document is gone by then (the user was erased meanwhile), the slice just written is removed again.
    /// </summary>
    public static async Task WriteLatestSliceAsync<TDocument, TSlice>(
        this IProfileCache profiles,
        IDocumentStore documents,
        string collection,
        string userId,
        Versioned<TDocument> written,
        Func<TDocument, TSlice> toSlice,
        CancellationToken cancellationToken)
        where TDocument : class
        where TSlice : IProfileSlice
    {
        ArgumentNullException.ThrowIfNull(profiles);
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(written);
        ArgumentNullException.ThrowIfNull(toSlice);
        var current = written;
        while (true)
        {
            await profiles.WriteSliceAsync(userId, toSlice(current.Document), cancellationToken);
            var after = await documents.FindVersionedAsync<TDocument>(collection, userId, cancellationToken);
            if (after is null)
            {
                await profiles.RemoveSliceAsync(userId, TSlice.SliceName, cancellationToken);
                return;
            }

            if (after.Version == current.Version)
            {
                return;
            }

            current = after;
        }
    }

    /// <summary>
    /// <see cref="WriteLatestSliceAsync{TDocument, TSlice}"/> for a batch's users: their slices written at once (one
    /// pipelined connection), then every user's version read again in one query instead of one each. Only a user
    /// another writer stored a newer document of meanwhile (or erased) goes on alone, as a single write would.
    /// </summary>
    public static async Task WriteLatestSlicesAsync<TDocument, TSlice>(
        this IProfileCache profiles,
        IDocumentStore documents,
        string collection,
        IReadOnlyList<KeyValuePair<string, Versioned<TDocument>>> written,
        Func<string, TDocument, TSlice> toSlice,
        CancellationToken cancellationToken)
        where TDocument : class
        where TSlice : IProfileSlice
    {
        ArgumentNullException.ThrowIfNull(profiles);
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(written);
        ArgumentNullException.ThrowIfNull(toSlice);
        if (written.Count == 0)
        {
            return;
        }

        await profiles.WriteSlicesAsync([.. written.Select(user => KeyValuePair.Create(user.Key, toSlice(user.Key, user.Value.Document)))], cancellationToken);
        var after = await documents.FindManyVersionedAsync<TDocument>(collection, [.. written.Select(user => user.Key)], cancellationToken);
        foreach (var (userId, stored) in written)
        {
            if (!after.TryGetValue(userId, out var now))
            {
                await profiles.RemoveSliceAsync(userId, TSlice.SliceName, cancellationToken);
            }
            else if (now.Version != stored.Version)
            {
                await profiles.WriteLatestSliceAsync(documents, collection, userId, now, document => toSlice(userId, document), cancellationToken);
            }
        }
    }
}
