using Tailor.Storage;
using Tailor.Training.Catalog;

namespace Tailor.ContentGeneration.Catalog;

/// <summary>
/// ContentGeneration's copy of the catalog (<c>contentgeneration.catalog</c>), kept by the shared
/// <see cref="Training.Consumers.CatalogItemUpsertedConsumer{TCopy}"/> as the model-owning services keep theirs. An
/// email takes each item's title and price from it when it is written, and leaves out what the shop has withdrawn:
/// a user's list, and the bestsellers, are as old as the training that made them, a price in an email is one the shop
/// must honour.
/// </summary>
public sealed class EmailCatalog(IDocumentStore documents) : ICatalogCopy
{
    public static string Stream => ContentGenerationNames.Stream;

    public static string CatalogCollection => ContentGenerationNames.CatalogCollection;

    /// <summary>The entries of <paramref name="itemIds"/> (a page of emails' items), in one read.</summary>
    public Task<IReadOnlyDictionary<string, CatalogEntry>> ReadAsync(IEnumerable<string> itemIds, CancellationToken cancellationToken) =>
        CatalogEntries.ReadAsync<EmailCatalog>(documents, itemIds, cancellationToken);
}
