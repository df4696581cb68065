namespace Tailor.Ingestion.Accepting;

/// <summary>Says an accepted event reached the bus, so a retry of its call does not publish it again.</summary>
internal sealed record PublishedMarker(DateTimeOffset PublishedAt);
