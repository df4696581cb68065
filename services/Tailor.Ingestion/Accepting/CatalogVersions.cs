using Tailor.Contracts;
using Tailor.Ingestion.Mapping;
using Tailor.Ingestion.Requests;
using Tailor.Storage;

namespace Tailor.Ingestion.Accepting;

/// <summary>
/// Gives catalog changes event ids that make a retry a duplicate but a change back a new event. An id from the content
/// alone would take an item changed A → B → A for a retry of A and keep B everywhere; so a version differing from
/// the last accepted one is named after that one too, and the same upload sent again reuses the last id.
/// </summary>
internal sealed class CatalogVersions(IDocumentStore documents)
{
    public async Task<IReadOnlyList<(CatalogItemUpserted Upserted, string ContentHash)>> MapAsync(
        IReadOnlyList<CatalogItemInput> items, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        // Items repeated inside one request chain on each other the same way as across requests.
        var latest = new Dictionary<string, CatalogVersion?>(StringComparer.Ordinal);
        var mapped = new List<(CatalogItemUpserted, string)>(items.Count);
        foreach (var item in items)
        {
            if (!latest.TryGetValue(item.Id, out var last))
            {
                last = await documents.FindAsync<CatalogVersion>(IngestionStorage.CatalogCollection, item.Id, cancellationToken);
            }

            var eventId = last is null ? EventIds.From($"catalog:content:{item.ContentHash}", 0)
                : last.ContentHash == item.ContentHash ? last.EventId
                : EventIds.From($"catalog:{item.Id}:content:{item.ContentHash}:after:{last.EventId:N}", 0);
            latest[item.Id] = new CatalogVersion(eventId, item.ContentHash, item.Url);
            mapped.Add((CatalogItemMapper.Map(item, eventId, receivedAt), item.ContentHash));
        }

        return mapped;
    }

    /// <summary>The page of <paramref name="itemId"/> as last accepted, or null when it has none or is unknown.</summary>
    public async Task<string?> UrlAsync(string itemId, CancellationToken cancellationToken) =>
        (await documents.FindAsync<CatalogVersion>(IngestionStorage.CatalogCollection, itemId, cancellationToken))?.Url;

    /// <summary>Called once the changes are accepted (stored and published), so a failed request leaves the last version as it was.</summary>
    public async Task RememberAsync(IEnumerable<(CatalogItemUpserted Upserted, string ContentHash)> accepted, CancellationToken cancellationToken)
    {
        foreach (var (upserted, contentHash) in accepted)
        {
            await documents.PutAsync(IngestionStorage.CatalogCollection, upserted.ItemId, new CatalogVersion(upserted.EventId, contentHash, upserted.Url), cancellationToken);
        }
    }
}
