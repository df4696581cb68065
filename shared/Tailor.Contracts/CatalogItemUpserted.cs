namespace Tailor.Contracts;

/// <summary>A catalog item was created or changed. Catalog items belong to no user.</summary>
public record CatalogItemUpserted(
    Guid EventId,
    string ItemId,
    DateTimeOffset OccurredAt,
    string Title,
    string? Description,
    decimal Price,
    string? Category);
