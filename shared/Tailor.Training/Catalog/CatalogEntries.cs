using Tailor.Contracts;
using Tailor.Storage;

namespace Tailor.Training.Catalog;

/// <summary>
/// Lists of items as a service's catalog copy has them now: what Recommendation applies to every list it writes and
/// ContentGeneration to every email it writes, so neither shows a price the shop changed since, or an item it withdrew.
/// </summary>
public static class CatalogEntries
{
    /// <summary>
    /// The entries of <paramref name="itemIds"/> in <typeparamref name="TCopy"/>'s copy, in one read; an item the copy
    /// does not know is absent.
    /// </summary>
    public static Task<IReadOnlyDictionary<string, CatalogEntry>> ReadAsync<TCopy>(
        IDocumentStore documents, IEnumerable<string> itemIds, CancellationToken cancellationToken)
        where TCopy : ICatalogCopy
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(itemIds);
        var distinct = itemIds.Where(itemId => !string.IsNullOrWhiteSpace(itemId)).ToHashSet(StringComparer.Ordinal);
        return distinct.Count == 0
            ? Task.FromResult<IReadOnlyDictionary<string, CatalogEntry>>(new Dictionary<string, CatalogEntry>(StringComparer.Ordinal))
            : documents.FindManyAsync<CatalogEntry>(TCopy.CatalogCollection, distinct, cancellationToken);
    }

    /// <summary>
    /// <paramref name="items"/> in their order with each one's current title and price, less those the shop has
    /// withdrawn. An item <paramref name="catalog"/> does not know (its upsert is still on the way, or it was only ever
    /// named by an activity) keeps what the list said.
    /// </summary>
    public static IReadOnlyList<RecommendedItem> AsListedNow(IReadOnlyList<RecommendedItem> items, IReadOnlyDictionary<string, CatalogEntry> catalog)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(catalog);
        var listed = new List<RecommendedItem>(items.Count);
        foreach (var item in items)
        {
            if (item.ItemId is null || !catalog.TryGetValue(item.ItemId, out var entry))
            {
                listed.Add(item);
            }
            else if (entry.Available)
            {
                listed.Add(item.Title == entry.Title && item.Price == entry.Price ? item : item with { Title = entry.Title, Price = entry.Price });
            }
        }

        return listed;
    }
}
