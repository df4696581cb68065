using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Tailor.Embedding.Diagnostics;
using Tailor.Embedding.Model;

namespace Tailor.Embedding.Vectors;

/// <summary>
/// Text to vector with a cache keyed by a hash of the text, in this process and then shared by every replica
/// (<see cref="ISharedTextVectorCache"/>): a replay repeats the same product names thousands of times, and each distinct
/// text should cost one model run only.
/// </summary>
public sealed class TextVectors : IDisposable
{
    private readonly SentenceEmbedder _embedder;
    private readonly EmbeddingMetrics _metrics;
    private readonly ISharedTextVectorCache _shared;
    private readonly MemoryCache _cache;

    public TextVectors(SentenceEmbedder embedder, EmbeddingMetrics metrics, ISharedTextVectorCache shared, IOptions<EmbeddingOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _embedder = embedder;
        _metrics = metrics;
        _shared = shared;
        _cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = options.Value.TextCacheEntries });
    }

    /// <summary>The model every vector here comes from.</summary>
    public EmbeddingModel Model => _embedder.Model;

    /// <summary>
    /// One vector per text, in the order given; the texts not cached yet are embedded as one batch.
    /// The arrays are shared with the cache: read them, never change them.
    /// </summary>
    public async Task<IReadOnlyList<float[]>> EmbedAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var keys = texts.Select(KeyOf).ToArray();
        var vectors = new Dictionary<string, float[]>(StringComparer.Ordinal);
        var missing = new List<(string Key, string Text)>();
        var pending = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < texts.Count; i++)
        {
            if (vectors.ContainsKey(keys[i]) || pending.Contains(keys[i]))
            {
                continue;
            }

            if (_cache.TryGetValue(keys[i], out float[]? cached) && cached is not null)
            {
                vectors[keys[i]] = cached;
            }
            else
            {
                pending.Add(keys[i]);
                missing.Add((keys[i], texts[i]));
            }
        }

        // Then the cache shared by every replica; what it has is remembered here too.
        var shared = await _shared.GetManyAsync(missing.ConvertAll(entry => entry.Key), cancellationToken);
        foreach (var (key, vector) in shared)
        {
            vectors[key] = vector;
            _cache.Set(key, vector, new MemoryCacheEntryOptions { Size = 1 });
        }

        missing.RemoveAll(entry => shared.ContainsKey(entry.Key));
        _metrics.TextCacheLooked(hits: vectors.Count, misses: missing.Count);
        var embedded = await _embedder.EmbedAsync(missing.ConvertAll(entry => entry.Text), cancellationToken);
        for (var i = 0; i < missing.Count; i++)
        {
            vectors[missing[i].Key] = embedded[i];
            _cache.Set(missing[i].Key, embedded[i], new MemoryCacheEntryOptions { Size = 1 });
        }

        await _shared.SetManyAsync([.. missing.Select((entry, i) => new KeyValuePair<string, float[]>(entry.Key, embedded[i]))], cancellationToken);

        return Array.ConvertAll(keys, key => vectors[key]);
    }

    /// <summary>
    /// Erasure: forgets the vectors of an erased user's texts, here and in the shared cache. Another user who typed the
    /// same text only has it embedded again. Other replicas' own caches keep theirs until they fall out of them.
    /// </summary>
    /// <param name="keys">The texts' keys (<see cref="KeyOf"/>).</param>
    public Task ForgetAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        foreach (var key in keys)
        {
            _cache.Remove(key);
        }

        return _shared.RemoveManyAsync([.. keys], cancellationToken);
    }

    public void Dispose() => _cache.Dispose();

    /// <summary>The key a text's vector is cached under, here and in the shared cache.</summary>
    public static string KeyOf(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
