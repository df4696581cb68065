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
        _model = options.Value.SelectedModel;
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

    public async Task SaveAsync(ItemVector item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        await _documents.PutAsync(EmbeddingNames.ItemsCollection, item.ItemId, item, cancellationToken);
        Remember(item);
    }

    public void Dispose() => _cache.Dispose();

    private void Remember(ItemVector item) =>
        _cache.Set(item.ItemId, item, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = CacheLifetime });
}
