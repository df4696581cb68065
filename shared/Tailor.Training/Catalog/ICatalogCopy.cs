namespace Tailor.Training.Catalog;

/// <summary>
/// A service that keeps a copy of the catalog (<see cref="CatalogEntry"/> by item id) with the shared
/// <see cref="Consumers.CatalogItemUpsertedConsumer{TCopy}"/>: every model-owning service, and ContentGeneration, which
/// writes emails from the catalog as it is when the email is written.
/// </summary>
public interface ICatalogCopy
{
    /// <summary>The service's own event stream: the catalog consumer records there which upserts it handled.</summary>
    static abstract string Stream { get; }

    /// <summary>The document collection of the service's catalog copy (<see cref="CatalogEntry"/> by item id).</summary>
    static abstract string CatalogCollection { get; }
}
