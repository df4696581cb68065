using Microsoft.Extensions.Options;
using StackExchange.Redis;
using Tailor.Profiles.Redis;

namespace Tailor.Profiles.Rebuild;

/// <summary>
/// Markers in Redis beside the profiles: <c>{prefix}profiles:complete:{slice}</c>, and the claim
/// <c>{prefix}profiles:rebuilding:{slice}</c>, which expires so a replica that died mid-rebuild does not block the next.
/// </summary>
internal sealed class RedisCacheMarkers(IConnectionMultiplexer redis, IOptions<RedisProfileOptions> options) : IProfileCacheMarkers
{
    private readonly string _keyPrefix = options.Value.KeyPrefix;

    public async Task<bool> IsCompleteAsync(string sliceName, CancellationToken cancellationToken) =>
        await redis.GetDatabase().KeyExistsAsync(CompleteKey(sliceName));

    public async Task MarkCompleteAsync(string sliceName, CancellationToken cancellationToken) =>
        await redis.GetDatabase().StringSetAsync(CompleteKey(sliceName), DateTimeOffset.UtcNow.ToString("O"));

    public async Task<IAsyncDisposable?> TryClaimRebuildAsync(string sliceName, TimeSpan lease, CancellationToken cancellationToken)
    {
        var key = ClaimKey(sliceName);
        var token = Guid.NewGuid().ToString("N");
        var database = redis.GetDatabase();
        return await database.StringSetAsync(key, token, lease, When.NotExists) ? new Claim(database, key, token) : null;
    }

    private RedisKey CompleteKey(string sliceName) => $"{_keyPrefix}profiles:complete:{sliceName}";

    private RedisKey ClaimKey(string sliceName) => $"{_keyPrefix}profiles:rebuilding:{sliceName}";

    private sealed class Claim(IDatabase database, RedisKey key, string token) : IAsyncDisposable
    {
        // Only our own claim is given up: after a lease ran out, the key may be another replica's.
        public async ValueTask DisposeAsync()
        {
            if (await database.StringGetAsync(key) == token)
            {
                await database.KeyDeleteAsync(key);
            }
        }
    }
}
