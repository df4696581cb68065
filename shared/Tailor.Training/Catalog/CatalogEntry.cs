namespace Tailor.Training.Catalog;

/// <summary>A model-owning service's copy of a catalog item: the name and price its model outputs show.</summary>
/// <param name="UpdatedAt">When the catalog said so; an older upsert arriving late does not overwrite a newer one.</param>
public sealed record CatalogEntry(string ItemId, string Title, decimal Price, DateTimeOffset UpdatedAt);
