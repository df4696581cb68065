using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Tailor.Embedding.Model;
using Tailor.Storage;

namespace Tailor.Embedding.Vectors;

/// <summary>
/// Item vectors in the document store, with the recent ones kept in memory: every purchase line looks its item up,
/// and a replay has tens of thousands of them for a few thousand items.
/// </summary>
public sealed class ItemVectorStore : IDisposable
{
    // Bounds how long another replica's newer vector for an item can go unseen here.
    private static readonly TimeSpan CacheLifetime = TimeSpan.FromMinutes(10);

    private readonly IDocumentStore _documents;
    private readonly MemoryCache _cache;
    private readonly EmbeddingModel _model;

    public ItemVectorStore(IDocumentStore documents, IOptions<EmbeddingOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _model = options.Value.SelectedModel();
        _documents = documents;
        _cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = options.Value.ItemCacheEntries });
    }

    /// <summary>The item's vector under the current model, or null when it has none yet.</summary>
    public async Task<ItemVector?> FindAsync(string itemId, CancellationToken cancellationToken)
    {
        if (_cache.TryGetValue(itemId, out ItemVector? cached) && cached is not null)
        {
            return cached;
        }

        var stored = await _documents.FindAsync<ItemVector>(EmbeddingNames.ItemsCollection, itemId, cancellationToken);
        // A vector of another model is as good as none: vectors of different models are never compared.
        if (stored is null || !_model.Made(stored.Model, stored.ModelVersion))
        {
            return null;
        }

        Remember(stored);
        return stored;
    }

    /// <summary>
    /// The vectors under the current model of those of <paramref name="itemIds"/> that have one: from memory, and the
    /// rest in one store query (a batch's purchases of items not embedded yet would otherwise ask one at a time).
    /// </summary>
    public async Task<IReadOnlyDictionary<string, ItemVector>> FindManyAsync(IEnumerable<string> itemIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(itemIds);
        var found = new Dictionary<string, ItemVector>(StringComparer.Ordinal);
        var missing = new List<string>();
        foreach (var itemId in itemIds.Distinct(StringComparer.Ordinal))
        {
            if (_cache.TryGetValue(itemId, out ItemVector? cached) && cached is not null)
            {
                found[itemId] = cached;
            }
            else
            {
                missing.Add(itemId);
            }
        }

        if (missing.Count == 0)
        {
            return found;
        }

        foreach (var (itemId, stored) in await _documents.FindManyAsync<ItemVector>(EmbeddingNames.ItemsCollection, missing, cancellationToken))
        {
            if (_model.Made(stored.Model, stored.ModelVersion))
            {
                Remember(stored);
                found[itemId] = stored;
            }
        }

        return found;
    }

    /// <summary>
    /// Stores the vector unless the item already has one of this model embedded from a later catalog change (another
    /// replica may embed two changes of one item at once, in either order); true when stored. A conditional write, so
    /// the later change is what stays whichever replica writes last.
    /// </summary>
    public async Task<bool> SaveUnlessStaleAsync(ItemVector item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        var stored = await _documents.UpdateAsync<ItemVector>(
            EmbeddingNames.ItemsCollection,
            item.ItemId,
            current => current is not null && _model.Made(current.Model, current.ModelVersion) && current.SourceOccurredAt > item.SourceOccurredAt
                ? current
                : item,
            cancellationToken);
        var kept = stored!.Document;
        if (_model.Made(kept.Model, kept.ModelVersion))
        {
            Remember(kept);
        }

        return ReferenceEquals(kept, item);
    }

    public void Dispose() => _cache.Dispose();

    private void Remember(ItemVector item) =>
        _cache.Set(item.ItemId, item, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = CacheLifetime });
}
