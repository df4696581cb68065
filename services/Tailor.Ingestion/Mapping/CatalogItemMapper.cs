using Tailor.Contracts;
using Tailor.Ingestion.Requests;

namespace Tailor.Ingestion.Mapping;

/// <summary>A catalog item as <see cref="CatalogItemUpserted"/>.</summary>
internal static class CatalogItemMapper
{
    public static CatalogItemUpserted Map(CatalogItemInput item, DateTimeOffset receivedAt) =>
        new(
            EventIds.From($"catalog:content:{item.ContentHash}", 0),
            item.Id,
            receivedAt,
            item.Title,
            item.Description,
            item.Price,
            item.Category);
}
