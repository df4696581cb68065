using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using Tailor.Messaging;
using Tailor.Profiles.Diagnostics;
using Tailor.Profiles.Rebuild;

namespace Tailor.Profiles.Redis;

/// <summary>
/// The distributed profile cache: hash <c>{prefix}profile:{userId}</c> with one JSON field per slice, and the set
/// <c>{prefix}profiles:users</c> of users that have one.
/// </summary>
/// <remarks>
/// The hash and the set are two keys that Redis Cluster may place on different nodes, so they are written as a
/// pipeline rather than a MULTI transaction (which cluster refuses across slots). A user can therefore be listed
/// for a moment after being removed; readers already treat a missing profile as null.
/// A slice write Redis cannot take is not an error for the consumer: the state it projects is in the service's store
/// already, so the write records a repair of the slice there (<see cref="SliceRepairs"/>) and the consumer carries on;
/// the slice is rebuilt from the store once Redis answers (<see cref="ProfileRebuildMonitor"/>). Reads cannot be
/// answered from anywhere else, so they throw <see cref="DependencyUnavailableException"/> and the consumer waits.
/// </remarks>
public sealed class RedisProfileCache(
    IConnectionMultiplexer redis,
    IOptions<RedisProfileOptions> options,
    SliceRepairs repairs,
    ProfileMetrics metrics,
    TimeProvider clock) : IProfileCache
{
    private const int ScanPageSize = 1000;

    private readonly string _keyPrefix = options.Value.KeyPrefix;

    private RedisKey UsersKey => _keyPrefix + "profiles:users";

    public Task WriteSliceAsync<TSlice>(string userId, TSlice slice, CancellationToken cancellationToken = default)
        where TSlice : IProfileSlice =>
        WriteSlicesAsync([KeyValuePair.Create(userId, slice)], cancellationToken);

    /// <summary>One pipeline for the batch: a hash write per user and one command that lists them all.</summary>
    public async Task WriteSlicesAsync<TSlice>(IReadOnlyCollection<KeyValuePair<string, TSlice>> slices, CancellationToken cancellationToken = default)
        where TSlice : IProfileSlice
    {
        ArgumentNullException.ThrowIfNull(slices);
        foreach (var (userId, slice) in slices)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(userId, nameof(slices));
            ArgumentNullException.ThrowIfNull(slice, nameof(slices));
        }

        if (slices.Count == 0)
        {
            return;
        }

        if (redis.IsConnected)
        {
            try
            {
                var batch = redis.GetDatabase().CreateBatch();
                List<Task> writes = [.. slices.Select(user => batch.HashSetAsync(ProfileKey(user.Key), TSlice.SliceName, ProfileAssembler.Serialize(user.Value)))];
                writes.Add(batch.SetAddAsync(UsersKey, [.. slices.Select(user => (RedisValue)user.Key)]));
                batch.Execute();
                await Task.WhenAll(writes);
                return;
            }
            catch (Exception exception) when (RedisOutage.IsOutage(exception))
            {
                // Recorded below, like a write that was never tried.
            }
        }

        await repairs.RecordFailedWriteAsync(TSlice.SliceName, clock.GetUtcNow(), cancellationToken);
        metrics.SliceWriteFailed(TSlice.SliceName);
    }

    public async Task<UserProfile?> ReadAsync(string userId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        Dictionary<string, string> slices;
        try
        {
            slices = await ReadAllAsync(redis.GetDatabase().HashGetAllAsync(ProfileKey(userId)));
        }
        catch (Exception exception) when (RedisOutage.IsOutage(exception))
        {
            throw Unavailable(exception);
        }

        return ProfileAssembler.Assemble(userId, slices);
    }

    /// <summary>One pipelined batch of HGETALLs (HMGETs of the slices asked for): a round trip for the whole list, not one per user.</summary>
    public async Task<IReadOnlyList<UserProfile?>> ReadManyAsync(
        IReadOnlyList<string> userIds, IReadOnlyCollection<string>? slices = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(userIds);
        foreach (var userId in userIds)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        }

        if (userIds.Count == 0)
        {
            return [];
        }

        var fields = slices?.Select(slice => (RedisValue)slice).ToArray();
        Dictionary<string, string>[] all;
        try
        {
            var batch = redis.GetDatabase().CreateBatch();
            var reads = userIds.Select(userId => fields is null
                ? ReadAllAsync(batch.HashGetAllAsync(ProfileKey(userId)))
                : ReadFieldsAsync(batch.HashGetAsync(ProfileKey(userId), fields), fields)).ToArray();
            batch.Execute();
            all = await Task.WhenAll(reads);
        }
        catch (Exception exception) when (RedisOutage.IsOutage(exception))
        {
            throw Unavailable(exception);
        }

        return [.. all.Select((found, index) => ProfileAssembler.Assemble(userIds[index], found))];
    }

    private static async Task<Dictionary<string, string>> ReadAllAsync(Task<HashEntry[]> read) =>
        (await read).ToDictionary(field => field.Name.ToString(), field => field.Value.ToString(), StringComparer.Ordinal);

    private static async Task<Dictionary<string, string>> ReadFieldsAsync(Task<RedisValue[]> read, RedisValue[] fields)
    {
        var values = await read;
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var index = 0; index < fields.Length; index++)
        {
            if (values[index].HasValue)
            {
                found[fields[index].ToString()] = values[index].ToString();
            }
        }

        return found;
    }

    public async IAsyncEnumerable<string> ListUserIdsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // SSCAN pages through the set without blocking Redis the way SMEMBERS would on millions of users.
        var members = redis.GetDatabase().SetScanAsync(UsersKey, pageSize: ScanPageSize).GetAsyncEnumerator(cancellationToken);
        await using (members)
        {
            while (true)
            {
                bool more;
                try
                {
                    more = await members.MoveNextAsync();
                }
                catch (Exception exception) when (RedisOutage.IsOutage(exception))
                {
                    throw Unavailable(exception);
                }

                if (!more)
                {
                    yield break;
                }

                yield return members.Current.ToString();
            }
        }
    }

    public async Task RemoveAsync(string userId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        var database = redis.GetDatabase();
        await Task.WhenAll(database.KeyDeleteAsync(ProfileKey(userId)), database.SetRemoveAsync(UsersKey, userId));
    }

    /// <summary>
    /// Removes one slice. During an outage this throws <see cref="DependencyUnavailableException"/> and the erasure
    /// waits for Redis: a removal cannot be left to a rebuild, which writes only the users the store still has.
    /// </summary>
    public async Task RemoveSliceAsync(string userId, string sliceName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        ArgumentException.ThrowIfNullOrWhiteSpace(sliceName);
        try
        {
            await redis.GetDatabase().HashDeleteAsync(ProfileKey(userId), sliceName);
        }
        catch (Exception exception) when (RedisOutage.IsOutage(exception))
        {
            throw Unavailable(exception);
        }
    }

    private static DependencyUnavailableException Unavailable(Exception exception) =>
        new("The profile cache (Redis) is unreachable; the message is retried until it is back.", exception);

    private RedisKey ProfileKey(string userId) => _keyPrefix + "profile:" + userId;
}
