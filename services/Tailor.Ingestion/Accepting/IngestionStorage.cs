namespace Tailor.Ingestion.Accepting;

/// <summary>Where Ingestion keeps its records: its own stream and collections, read by no other service.</summary>
internal static class IngestionStorage
{
    /// <summary>The event log: every message Ingestion accepted over HTTP or consumed.</summary>
    public const string EventStream = "ingestion";

    /// <summary>One document per event id that reached the bus (see <see cref="AcceptedMessageLog"/>).</summary>
    public const string PublishedCollection = "ingestion.published";

    /// <summary>Per-user contact and consent state, the truth behind the profile's contact slice.</summary>
    public const string ContactsCollection = "ingestion.contacts";

    /// <summary>The version of each catalog item accepted last (<see cref="CatalogVersion"/>), keyed by item id.</summary>
    public const string CatalogCollection = "ingestion.catalog";
}
