using System.Runtime.InteropServices;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using Tailor.Messaging;
using Tailor.Profiles.Redis;

namespace Tailor.Embedding.Vectors;

/// <summary>
/// Text vectors in Redis as raw float32 bytes, under <c>{prefix}embedding:text:{model}:{version}:{content hash}</c>: the
/// model's name and version are in the key, so vectors of different models never meet. Entries expire, so texts no longer seen fall out.
/// Only a cache: while Redis is unreachable every lookup misses and nothing is stored, and the model does the work.
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

        RedisValue[] values;
        try
        {
            values = await redis.GetDatabase().StringGetAsync([.. keys.Select(RedisKeyOf)]);
        }
        catch (Exception exception) when (RedisOutage.IsOutage(exception))
        {
            return found;
        }

        for (var index = 0; index < keys.Count; index++)
        {
            // A value of the wrong size is not a vector of this model; it is ignored and overwritten.
            if (values[index] is { HasValue: true } value && (byte[])value! is { } bytes && bytes.Length == VectorBytes)
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
        try
        {
            await Task.WhenAll(vectors.Select(vector =>
                database.StringSetAsync(RedisKeyOf(vector.Key), MemoryMarshal.AsBytes(vector.Value.AsSpan()).ToArray(), lifetime)));
        }
        catch (Exception exception) when (RedisOutage.IsOutage(exception))
        {
            // Not cached this time; the next lookup computes it again.
        }
    }

    /// <summary>
    /// Unlike a lookup, a removal Redis cannot take throws <see cref="DependencyUnavailableException"/>: the erasure
    /// asking for it must wait for Redis and try again, not end with the vectors still there.
    /// </summary>
    public async Task RemoveManyAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        if (keys.Count == 0)
        {
            return;
        }

        try
        {
            await redis.GetDatabase().KeyDeleteAsync([.. keys.Select(RedisKeyOf)]);
        }
        catch (Exception exception) when (RedisOutage.IsOutage(exception))
        {
            throw new DependencyUnavailableException("Redis is unreachable: the erased user's cached text vectors could not be removed.", exception);
        }
    }

    private int VectorBytes => options.Value.SelectedModel().Dimensions * sizeof(float);

    private RedisKey RedisKeyOf(string contentKey)
    {
        var model = options.Value.SelectedModel();
        return $"{redisOptions.Value.KeyPrefix}embedding:text:{model.Name}:{model.Version}:{contentKey}";
    }
}
