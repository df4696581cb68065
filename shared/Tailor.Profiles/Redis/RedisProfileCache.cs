using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using Tailor.Messaging;
using Tailor.Profiles.Diagnostics;

namespace Tailor.Profiles.Redis;

/// <summary>
/// The distributed profile cache: hash <c>{prefix}profile:{userId}</c> with one JSON field per slice, and the set
/// <c>{prefix}profiles:users</c> of users that have one.
/// </summary>
/// <remarks>
/// The hash and the set are two keys that Redis Cluster may place on different nodes, so they are written as a
/// pipeline rather than a MULTI transaction (which cluster refuses across slots). A user can therefore be listed
/// for a moment after being removed; readers already treat a missing profile as null.
/// While Redis is unreachable, slice writes are kept in the service's store (<see cref="DeferredSlices"/>) and the
/// consumer carries on; <see cref="DeferredSliceFlusher"/> writes them once Redis is back. Reads cannot be answered
/// from anywhere else, so they throw <see cref="DependencyUnavailableException"/> and the consumer waits.
/// </remarks>
public sealed class RedisProfileCache(
    IConnectionMultiplexer redis,
    IOptions<RedisProfileOptions> options,
    DeferredSlices deferred,
    RedisOutage outage,
    ProfileMetrics metrics,
    TimeProvider clock) : IProfileCache
{
    private const int ScanPageSize = 1000;

    private readonly string _keyPrefix = options.Value.KeyPrefix;

    private RedisKey UsersKey => _keyPrefix + "profiles:users";

    public async Task WriteSliceAsync<TSlice>(string userId, TSlice slice, CancellationToken cancellationToken = default)
        where TSlice : IProfileSlice
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        ArgumentNullException.ThrowIfNull(slice);
        var json = ProfileAssembler.Serialize(slice);
        if (!outage.IsDeferring)
        {
            try
            {
                await WriteJsonAsync(userId, TSlice.SliceName, json);
                return;
            }
            catch (Exception exception) when (RedisOutage.IsOutage(exception))
            {
                outage.Begin(clock.GetUtcNow());
            }
        }

        await outage.Gate.WaitAsync(cancellationToken);
        try
        {
            if (outage.IsDeferring)
            {
                await deferred.DeferAsync(userId, TSlice.SliceName, json, cancellationToken);
                metrics.SliceDeferred();
                return;
            }
        }
        finally
        {
            outage.Gate.Release();
        }

        // The outage ended while this write waited: everything deferred is in Redis, so this newer slice goes after it.
        await WriteJsonAsync(userId, TSlice.SliceName, json);
    }

    /// <summary>Writes one slice's JSON as it is stored: the profile hash's field and the user's entry in the set.</summary>
    internal async Task WriteJsonAsync(string userId, string sliceName, string json)
    {
        var database = redis.GetDatabase();
        await Task.WhenAll(database.HashSetAsync(ProfileKey(userId), sliceName, json), database.SetAddAsync(UsersKey, userId));
    }

    public async Task<UserProfile?> ReadAsync(string userId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        HashEntry[] fields;
        try
        {
            fields = await redis.GetDatabase().HashGetAllAsync(ProfileKey(userId));
        }
        catch (Exception exception) when (RedisOutage.IsOutage(exception))
        {
            throw Unavailable(exception);
        }

        var slices = fields.ToDictionary(field => field.Name.ToString(), field => field.Value.ToString(), StringComparer.Ordinal);
        return ProfileAssembler.Assemble(userId, slices);
    }

    /// <summary>One pipelined batch of HGETALLs: a round trip for the whole list, not one per user.</summary>
    public async Task<IReadOnlyList<UserProfile?>> ReadManyAsync(IReadOnlyList<string> userIds, CancellationToken cancellationToken = default)
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

        HashEntry[][] all;
        try
        {
            var batch = redis.GetDatabase().CreateBatch();
            var reads = userIds.Select(userId => batch.HashGetAllAsync(ProfileKey(userId))).ToArray();
            batch.Execute();
            all = await Task.WhenAll(reads);
        }
        catch (Exception exception) when (RedisOutage.IsOutage(exception))
        {
            throw Unavailable(exception);
        }

        return [.. all.Select((fields, index) => ProfileAssembler.Assemble(
            userIds[index], fields.ToDictionary(field => field.Name.ToString(), field => field.Value.ToString(), StringComparer.Ordinal)))];
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
    /// Removes one slice. During an outage this cannot be kept for later like a write (it must not be undone by a
    /// deferred write flushed after it), so it throws <see cref="DependencyUnavailableException"/> and the erasure
    /// waits, after the flusher, for Redis.
    /// </summary>
    public async Task RemoveSliceAsync(string userId, string sliceName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        ArgumentException.ThrowIfNullOrWhiteSpace(sliceName);
        if (outage.IsDeferring)
        {
            throw new DependencyUnavailableException("The profile cache (Redis) is unreachable or still writing deferred slices; the erasure is retried.");
        }

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
