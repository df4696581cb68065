using Tailor.Contracts;
using Tailor.Ingestion.Requests;

namespace Tailor.Ingestion.Mapping;

/// <summary>A catalog item as <see cref="CatalogItemUpserted"/>, under the id <c>CatalogVersions</c> chose for this version.</summary>
internal static class CatalogItemMapper
{
    public static CatalogItemUpserted Map(CatalogItemInput item, Guid eventId, DateTimeOffset receivedAt) =>
        new(
            eventId,
            item.Id,
            receivedAt,
            item.Title,
            item.Description,
            item.Price,
            item.Category,
            item.Url,
            item.Available);
}
