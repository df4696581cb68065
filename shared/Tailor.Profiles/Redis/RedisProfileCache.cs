using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Tailor.Profiles.Redis;

/// <summary>
/// The distributed profile cache: hash <c>{prefix}profile:{userId}</c> with one JSON field per slice, and the set
/// <c>{prefix}profiles:users</c> of users that have one.
/// </summary>
/// <remarks>
/// The hash and the set are two keys that Redis Cluster may place on different nodes, so they are written as a
/// pipeline rather than a MULTI transaction (which cluster refuses across slots). A user can therefore be listed
/// for a moment after being removed; readers already treat a missing profile as null.
/// </remarks>
public sealed class RedisProfileCache(IConnectionMultiplexer redis, IOptions<RedisProfileOptions> options) : IProfileCache
{
    private const int ScanPageSize = 1000;

    private readonly string _keyPrefix = options.Value.KeyPrefix;

    private RedisKey UsersKey => _keyPrefix + "profiles:users";

    public async Task WriteSliceAsync<TSlice>(string userId, TSlice slice, CancellationToken cancellationToken = default)
        where TSlice : IProfileSlice
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        ArgumentNullException.ThrowIfNull(slice);
        var database = redis.GetDatabase();
        await Task.WhenAll(
            database.HashSetAsync(ProfileKey(userId), TSlice.SliceName, ProfileAssembler.Serialize(slice)),
            database.SetAddAsync(UsersKey, userId));
    }

    public async Task<UserProfile?> ReadAsync(string userId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        var fields = await redis.GetDatabase().HashGetAllAsync(ProfileKey(userId));
        var slices = fields.ToDictionary(field => field.Name.ToString(), field => field.Value.ToString(), StringComparer.Ordinal);
        return ProfileAssembler.Assemble(userId, slices);
    }

    public async IAsyncEnumerable<string> ListUserIdsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // SSCAN pages through the set without blocking Redis the way SMEMBERS would on millions of users.
        var members = redis.GetDatabase().SetScanAsync(UsersKey, pageSize: ScanPageSize);
        await foreach (var member in members.WithCancellation(cancellationToken))
        {
            yield return member.ToString();
        }
    }

    public async Task RemoveAsync(string userId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        var database = redis.GetDatabase();
        await Task.WhenAll(database.KeyDeleteAsync(ProfileKey(userId)), database.SetRemoveAsync(UsersKey, userId));
    }

    private RedisKey ProfileKey(string userId) => _keyPrefix + "profile:" + userId;
}
