namespace Tailor.Recommendation.Catalog;

/// <summary>This service's copy of a catalog item: what a recommendation shows.</summary>
/// <param name="UpdatedAt">When the catalog said so; an older upsert arriving late does not overwrite a newer one.</param>
public sealed record CatalogEntry(string ItemId, string Title, decimal Price, DateTimeOffset UpdatedAt);
