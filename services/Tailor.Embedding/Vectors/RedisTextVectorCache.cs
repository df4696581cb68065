using System.Runtime.InteropServices;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using Tailor.Embedding.Model;
using Tailor.Profiles.Redis;

namespace Tailor.Embedding.Vectors;

/// <summary>
/// Text vectors in Redis as raw float32 bytes, under <c>{prefix}embedding:text:{model}:{content hash}</c>: the model's
/// name is in the key, so vectors of different models never meet. Entries expire, so texts no longer seen fall out.
/// </summary>
public sealed class RedisTextVectorCache(IConnectionMultiplexer redis, IOptions<RedisProfileOptions> redisOptions, IOptions<EmbeddingOptions> options)
    : ISharedTextVectorCache
{
    public async Task<IReadOnlyDictionary<string, float[]>> GetManyAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, float[]>(StringComparer.Ordinal);
        if (keys.Count == 0)
        {
            return found;
        }

        var values = await redis.GetDatabase().StringGetAsync([.. keys.Select(RedisKeyOf)]);
        for (var index = 0; index < keys.Count; index++)
        {
            // A value of the wrong size is not a vector of this model; it is ignored and overwritten.
            if (values[index] is { HasValue: true } value && (byte[])value! is { Length: SentenceEmbedder.Dimensions * sizeof(float) } bytes)
            {
                found[keys[index]] = MemoryMarshal.Cast<byte, float>(bytes).ToArray();
            }
        }

        return found;
    }

    public async Task SetManyAsync(IReadOnlyList<KeyValuePair<string, float[]>> vectors, CancellationToken cancellationToken)
    {
        if (vectors.Count == 0)
        {
            return;
        }

        var database = redis.GetDatabase();
        var lifetime = options.Value.SharedTextCacheLifetime;
        await Task.WhenAll(vectors.Select(vector =>
            database.StringSetAsync(RedisKeyOf(vector.Key), MemoryMarshal.AsBytes(vector.Value.AsSpan()).ToArray(), lifetime)));
    }

    private RedisKey RedisKeyOf(string contentKey) => $"{redisOptions.Value.KeyPrefix}embedding:text:{SentenceEmbedder.ModelName}:{contentKey}";
}
