using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Tailor.Storage;

namespace Tailor.Recommendation.Content;

/// <summary>
/// The catalog's item vectors: kept in the document store, searched in memory with <see cref="NearestItems"/>, one index
/// per embedding model, version and vector length so vectors of different models are never compared (and one published
/// with the wrong length under a real model's name is kept apart, whenever it arrives, instead of deciding the length). Every replica consumes only some
/// of the <c>ItemEmbedded</c> messages; what it consumes is searchable at once, the rest after the next reload from the
/// store (<see cref="RecommendationOptions.ItemVectorRefresh"/>).
/// </summary>
public sealed class ItemVectorIndex(IDocumentStore documents, IOptions<RecommendationOptions> options, TimeProvider time) : IDisposable
{
    private readonly SemaphoreSlim _loading = new(1, 1);
    private Loaded? _loaded;

    /// <summary>Stores the vector unless a newer one of the item is stored already, and makes it searchable here.</summary>
    public async Task SaveAsync(ItemVectorEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var stored = await documents.FindAsync<ItemVectorEntry>(RecommendationStore.ItemVectorsCollection, entry.ItemId, cancellationToken);
        if (stored is not null && stored.EmbeddedAt > entry.EmbeddedAt)
        {
            return;
        }

        await documents.PutAsync(RecommendationStore.ItemVectorsCollection, entry.ItemId, entry, cancellationToken);
        Volatile.Read(ref _loaded)?.Add(entry);
    }

    /// <summary>
    /// For each query, the items whose vectors of its model are closest to its interests, best first, in the queries'
    /// order (none for a model or length this index does not hold): the queries of one model are searched in one pass
    /// over its items (<see cref="NearestItems.SearchMany"/>).
    /// </summary>
    public async Task<IReadOnlyList<IReadOnlyList<ItemScore>>> NearestAsync(IReadOnlyList<InterestQuery> queries, int count, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(queries);
        var loaded = await CurrentAsync(cancellationToken);
        var found = new IReadOnlyList<ItemScore>[queries.Count];
        var searchable = Enumerable.Range(0, queries.Count).Where(index => queries[index].Interests is not null);
        foreach (var model in searchable.GroupBy(index => (queries[index].Model, queries[index].ModelVersion, queries[index].Interests.Length)))
        {
            if (loaded.Indexes.TryGetValue(model.Key, out var items))
            {
                var results = items.SearchMany([.. model.Select(index => queries[index].Interests)], count);
                foreach (var (index, result) in model.Zip(results))
                {
                    found[index] = result;
                }
            }
        }

        return [.. found.Select(result => result ?? [])];
    }

    public void Dispose() => _loading.Dispose();

    private async Task<Loaded> CurrentAsync(CancellationToken cancellationToken)
    {
        var loaded = Volatile.Read(ref _loaded);
        if (loaded is not null && time.GetUtcNow() - loaded.At < options.Value.ItemVectorRefresh)
        {
            return loaded;
        }

        await _loading.WaitAsync(cancellationToken);
        try
        {
            loaded = _loaded;
            if (loaded is null || time.GetUtcNow() - loaded.At >= options.Value.ItemVectorRefresh)
            {
                var reloaded = new Loaded(time.GetUtcNow());
                await foreach (var (_, entry) in documents.ListAsync<ItemVectorEntry>(RecommendationStore.ItemVectorsCollection, cancellationToken))
                {
                    reloaded.Add(entry);
                }

                Volatile.Write(ref _loaded, reloaded);
                loaded = reloaded;
            }

            return loaded;
        }
        finally
        {
            _loading.Release();
        }
    }

    private sealed class Loaded(DateTimeOffset at)
    {
        public DateTimeOffset At { get; } = at;

        public ConcurrentDictionary<(string Model, string Version, int Dimensions), NearestItems> Indexes { get; } = new();

        public void Add(ItemVectorEntry entry) =>
            Indexes.GetOrAdd((entry.Model, entry.ModelVersion, entry.Vector.Length), static key => new NearestItems(key.Dimensions)).Upsert(entry.ItemId, entry.Vector);
    }
}
