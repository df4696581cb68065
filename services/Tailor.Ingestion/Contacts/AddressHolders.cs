using Tailor.Storage;

namespace Tailor.Ingestion.Contacts;

/// <summary>
/// Which user ids hold each address, so a suppression reaches every one of them. Each holding is a document of its own
/// in the address's collection (<c>ingestion.address-holders:{address key}</c>, keyed by user id): filing a user is an
/// insert and unfiling a delete, so replicas filing users under one address at once never overwrite each other's list.
/// </summary>
internal sealed class AddressHolders(IDocumentStore documents)
{
    /// <summary>
    /// Where holders were kept as one list per address (keyed by address key) before each holding had its own document.
    /// Still read, and shrunk when a user leaves the address, but never grown: with no writer adding to a list, one
    /// found empty can be deleted without losing a holder.
    /// </summary>
    public const string ListsCollection = "ingestion.address-holders";

    private const string CollectionPrefix = "ingestion.address-holders:";

    public static string Collection(string address) => CollectionPrefix + AddressKeys.Of(address);

    public async Task<IReadOnlyList<string>> OfAsync(string address, CancellationToken cancellationToken)
    {
        List<string> holders = [.. await documents.FindAsync<string[]>(ListsCollection, AddressKeys.Of(address), cancellationToken) ?? []];
        await foreach (var (userId, _) in documents.ListAsync(Collection(address), cancellationToken))
        {
            if (!holders.Contains(userId, StringComparer.Ordinal))
            {
                holders.Add(userId);
            }
        }

        return holders;
    }

    /// <summary>Files the user under the address; filing them again changes nothing.</summary>
    public async Task AddAsync(string address, string userId, CancellationToken cancellationToken)
    {
        // Read first: nearly every update finds the user filed already, and a read does not queue behind the writers.
        if (await documents.GetAsync(Collection(address), userId, cancellationToken) is null)
        {
            await documents.TryAddAsync(Collection(address), userId, new Holding(), cancellationToken);
        }
    }

    public async Task RemoveAsync(string address, string userId, CancellationToken cancellationToken)
    {
        await documents.DeleteAsync(Collection(address), userId, cancellationToken);
        var key = AddressKeys.Of(address);
        var remaining = await documents.UpdateAsync<string[]>(
            ListsCollection,
            key,
            list => list is not null && list.Contains(userId, StringComparer.Ordinal) ? [.. list.Where(holder => holder != userId)] : list,
            cancellationToken);
        if (remaining is { Document.Length: 0 })
        {
            await documents.DeleteAsync(ListsCollection, key, cancellationToken);
        }
    }

    /// <summary>The document of one holding: its id (the user id) and collection (the address) say everything.</summary>
    private sealed record Holding;
}
