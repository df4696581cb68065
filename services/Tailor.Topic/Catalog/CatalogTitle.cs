namespace Tailor.Topic.Catalog;

/// <summary>This service's copy of a catalog item: only its name matters to topics.</summary>
/// <param name="UpdatedAt">When the catalog said so; an older upsert arriving late does not overwrite a newer one.</param>
public sealed record CatalogTitle(string ItemId, string Title, DateTimeOffset UpdatedAt);
