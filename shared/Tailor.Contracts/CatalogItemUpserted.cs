namespace Tailor.Contracts;

/// <summary>A catalog item was created or changed. Catalog items belong to no user.</summary>
/// <param name="Url">The item's page (absolute http or https), where a click on it in an email leads; null when the shop gave none.</param>
/// <param name="Available">
/// Whether the shop sells the item now. False withdraws it (discontinued, out of stock): no list or email written from
/// then on shows it, until an upsert says true again. A publisher that leaves it out means available.
/// </param>
public record CatalogItemUpserted(
    Guid EventId,
    string ItemId,
    DateTimeOffset OccurredAt,
    string Title,
    string? Description,
    decimal Price,
    string? Category,
    string? Url = null,
    bool Available = true);
