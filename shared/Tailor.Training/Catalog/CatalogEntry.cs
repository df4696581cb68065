namespace Tailor.Training.Catalog;

/// <summary>A service's copy of a catalog item: the name and price its outputs show, and whether the shop still sells it.</summary>
/// <param name="UpdatedAt">When the catalog said so; an older upsert arriving late does not overwrite a newer one.</param>
/// <param name="Available">
/// False while the shop has withdrawn the item (<c>CatalogItemUpserted.Available</c>); an entry stored before the field
/// existed reads as available.
/// </param>
public sealed record CatalogEntry(string ItemId, string Title, decimal Price, DateTimeOffset UpdatedAt, bool Available = true);
