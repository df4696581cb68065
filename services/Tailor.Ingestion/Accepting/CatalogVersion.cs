namespace Tailor.Ingestion.Accepting;

/// <summary>The version of a catalog item Ingestion accepted last: its event and the hash of its content.</summary>
internal sealed record CatalogVersion(Guid EventId, string ContentHash);
