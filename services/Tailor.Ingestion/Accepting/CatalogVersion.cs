namespace Tailor.Ingestion.Accepting;

/// <summary>The version of a catalog item Ingestion accepted last: its event and the hash of its content.</summary>
/// <param name="Url">The item's page, where a click on it in an email is redirected; null when the item has none (or was stored before items had one).</param>
internal sealed record CatalogVersion(Guid EventId, string ContentHash, string? Url = null);
