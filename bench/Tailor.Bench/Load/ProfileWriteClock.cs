using System.Collections.Concurrent;
using System.Diagnostics;
using StackExchange.Redis;
using Tailor.Profiles;

namespace Tailor.Bench.Load;

/// <summary>
/// When each expected user's interests and send-time slices first appeared in Redis, on the benchmark's clock. The
/// services run in other processes, so the benchmark watches Redis itself: keyspace notifications of the run's
/// profile hashes (<c>notify-keyspace-events Kh</c>, set for the run and restored after) tell it at once that a
/// user's hash was written, and it reads which slices the hash holds. A sweep reads the users still missing a slice
/// too (every 2 s; every 250 ms where Redis refuses CONFIG SET and no notification comes), so none is missed.
/// </summary>
internal sealed class ProfileWriteClock : IAsyncDisposable
{
    private const string Setting = "notify-keyspace-events";
    private static readonly RedisValue[] Slices = [InterestsSlice.SliceName, SendTimeSlice.SliceName];

    private readonly IConnectionMultiplexer _redis;
    private readonly string _profileKeyPrefix;
    private readonly ConcurrentDictionary<string, long> _interests = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _sendTime = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _pending = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();
    private string? _previousSetting;
    private RedisChannel _channel;
    private Task? _sweep;

    private readonly string _configuration;

    private ProfileWriteClock(string configuration, IConnectionMultiplexer redis, string keyPrefix)
    {
        _configuration = configuration;
        _redis = redis;
        _profileKeyPrefix = keyPrefix + "profile:";
    }

    /// <param name="configuration">The Redis configuration string: CONFIG needs a connection of its own in admin mode.</param>
    public static async Task<ProfileWriteClock> StartAsync(string configuration, IConnectionMultiplexer redis, string keyPrefix, TextWriter progress)
    {
        var clock = new ProfileWriteClock(configuration, redis, keyPrefix);
        var notified = false;
        try
        {
            await using var admin = await clock.ConnectAdminAsync();
            var server = admin.GetServers()[0];
            var current = (await server.ConfigGetAsync(Setting)).FirstOrDefault().Value ?? string.Empty;
            var wanted = current + string.Concat("Kh".Where(flag => !current.Contains(flag, StringComparison.Ordinal) && !(flag == 'h' && current.Contains('A', StringComparison.Ordinal))));
            if (wanted != current)
            {
                await server.ConfigSetAsync(Setting, wanted);
                clock._previousSetting = current;
            }

            notified = true;
        }
        catch (RedisException refused)
        {
            progress.WriteLine($"  Redis refused CONFIG for keyspace notifications ({refused.Message}): slice writes are seen by polling, to 250 ms");
        }

        var database = redis.GetDatabase().Database;
        var channelPrefix = $"__keyspace@{database}__:{clock._profileKeyPrefix}";
        clock._channel = RedisChannel.Pattern(channelPrefix + "*");
        await redis.GetSubscriber().SubscribeAsync(clock._channel, (channel, message) =>
        {
            var userId = channel.ToString()[channelPrefix.Length..];
            if (message == "hset" && clock._pending.ContainsKey(userId))
            {
                _ = clock.ReadAsync([userId], Stopwatch.GetTimestamp());
            }
        });
        clock._sweep = Task.Run(() => clock.SweepAsync(notified ? TimeSpan.FromSeconds(2) : TimeSpan.FromMilliseconds(250), clock._stop.Token));
        return clock;
    }

    private async Task<ConnectionMultiplexer> ConnectAdminAsync()
    {
        var options = ConfigurationOptions.Parse(_configuration);
        options.AllowAdmin = true;
        return await ConnectionMultiplexer.ConnectAsync(options);
    }

    /// <summary>Starts watching these users' slices.</summary>
    public void Expect(IEnumerable<string> userIds)
    {
        foreach (var userId in userIds)
        {
            _pending.TryAdd(userId, 0);
        }
    }

    /// <summary>The later of the two first writes (the whole profile written), or null while one is missing.</summary>
    public long? ProfileWritten(string userId) =>
        _interests.TryGetValue(userId, out var interests) && _sendTime.TryGetValue(userId, out var sendTime) ? Math.Max(interests, sendTime) : null;

    public long? Written(string slice, string userId) =>
        (slice == InterestsSlice.SliceName ? _interests : _sendTime).TryGetValue(userId, out var at) ? at : null;

    private async Task ReadAsync(IReadOnlyList<string> userIds, long seenAt)
    {
        var database = _redis.GetDatabase();
        var reads = userIds.Select(userId => database.HashGetAsync(_profileKeyPrefix + userId, Slices)).ToList();
        for (var i = 0; i < userIds.Count; i++)
        {
            RedisValue[] values;
            try
            {
                values = await reads[i];
            }
            catch (RedisException)
            {
                continue; // the sweep reads it again
            }

            if (!values[0].IsNull)
            {
                _interests.TryAdd(userIds[i], seenAt);
            }

            if (!values[1].IsNull)
            {
                _sendTime.TryAdd(userIds[i], seenAt);
            }

            if (!values[0].IsNull && !values[1].IsNull)
            {
                _pending.TryRemove(userIds[i], out _);
            }
        }
    }

    private async Task SweepAsync(TimeSpan interval, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                foreach (var chunk in _pending.Keys.Chunk(1000))
                {
                    await ReadAsync(chunk, Stopwatch.GetTimestamp());
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_sweep is not null)
        {
            await _sweep;
        }

        await _redis.GetSubscriber().UnsubscribeAsync(_channel);
        if (_previousSetting is not null)
        {
            await using var admin = await ConnectAdminAsync();
            await admin.GetServers()[0].ConfigSetAsync(Setting, _previousSetting);
        }

        _stop.Dispose();
    }
}
