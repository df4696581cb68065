using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using StackExchange.Redis;
using Tailor.Profiles.Rebuild;
using Tailor.Testing;

namespace Tailor.Profiles.Tests.Rebuild;

/// <summary>
/// A profile cache that lost its data, or failed to take writes, gets each service's slices back from the service's
/// store: the in-process cache when its process starts, Redis whenever it comes back empty or a repair is pending,
/// rebuilt by one replica at a time.
/// </summary>
public sealed class ProfileRebuildTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task The_in_process_cache_gets_every_stored_slice_back_when_the_process_starts()
    {
        var ct = TestContext.Current.CancellationToken;
        var store = new StoredInterests(users: 25);
        using var host = Build([], store);

        await host.StartAsync(ct);
        var cache = host.Services.GetRequiredService<IProfileCache>();
        await Polling.UntilAsync(async () => await CountAsync(cache, ct) == 25, Patience, ct);
        await host.StopAsync(ct);

        Assert.Equal(1, store.Rebuilds);
        Assert.Equal(store.Slice("u7"), (await cache.ReadAsync("u7", ct))?.Interests, SliceComparer.Instance);
    }

    [Theory]
    [InlineData(0, LogLevel.Debug, "The store holds no 'interests' profile slices to rebuild: the profile cache had lost them.")]
    [InlineData(3, LogLevel.Information, "Rebuilt 3 'interests' profile slices from the store in ")]
    public async Task A_rebuild_is_logged_as_information_only_when_it_wrote_slices(int users, LogLevel level, string message)
    {
        // A fresh deployment starts with an empty store: a line per slice saying 0 were rebuilt only alarms its operator.
        var ct = TestContext.Current.CancellationToken;
        var logs = new FakeLogCollector();
        using var host = Build([], new StoredInterests(users), logs);

        await host.StartAsync(ct);
        await Polling.UntilAsync(() => RebuildRecords(logs).Count > 0, Patience, ct);
        await host.StopAsync(ct);

        var record = Assert.Single(RebuildRecords(logs));
        Assert.Equal(level, record.Level);
        Assert.StartsWith(message, record.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Redis_that_comes_back_empty_gets_the_slices_back_from_one_replica_at_a_time()
    {
        var ct = TestContext.Current.CancellationToken;
        var prefix = $"tailor-test:{Guid.NewGuid():N}:";
        var store = new StoredInterests(users: 25, slowness: TimeSpan.FromMilliseconds(300));
        var settings = RedisSettings(prefix);
        using var replica1 = Build(settings, store);
        using var replica2 = Build(settings, store);
        await using var redis = await ConnectionMultiplexer.ConnectAsync(TestInfrastructure.RequireRedis());

        await Task.WhenAll(replica1.StartAsync(ct), replica2.StartAsync(ct));
        await Polling.UntilAsync(() => Task.FromResult(store.Rebuilds == 1 && redis.GetDatabase().KeyExists($"{prefix}profiles:{{interests}}:complete")), Patience, ct);
        var afterStart = (await ProfileKeysAsync(redis, prefix), store.Rebuilds);
        await DeleteKeysAsync(redis, prefix);
        await Polling.UntilAsync(async () => await ProfileKeysAsync(redis, prefix) == 25 && redis.GetDatabase().KeyExists($"{prefix}profiles:{{interests}}:complete"), Patience, ct);
        await Task.Delay(TimeSpan.FromMilliseconds(500), ct); // a few more checks, which must find the marker and do nothing
        await Task.WhenAll(replica1.StopAsync(ct), replica2.StopAsync(ct));
        await DeleteKeysAsync(redis, prefix);

        Assert.Equal((25, 1), afterStart);
        Assert.Equal(2, store.Rebuilds);
        Assert.Equal(0, store.Overlaps);
    }

    [Fact]
    public async Task A_marker_written_on_another_Redis_server_counts_as_missing()
    {
        // A restart from a snapshot or a failover to a replica: the marker survived, the last writes may not have.
        var ct = TestContext.Current.CancellationToken;
        var prefix = $"tailor-test:{Guid.NewGuid():N}:";
        var store = new StoredInterests(users: 3);
        using var host = Build(RedisSettings(prefix), store);
        await using var redis = await ConnectionMultiplexer.ConnectAsync(TestInfrastructure.RequireRedis());
        var marker = $"{prefix}profiles:{{interests}}:complete";

        await host.StartAsync(ct);
        await Polling.UntilAsync(() => Task.FromResult(redis.GetDatabase().KeyExists(marker)), Patience, ct);
        await redis.GetDatabase().StringSetAsync(marker, "run-id-of-the-server-before-the-failover");
        await Polling.UntilAsync(() => Task.FromResult(store.Rebuilds == 2 && redis.GetDatabase().StringGet(marker) != "run-id-of-the-server-before-the-failover"), Patience, ct);
        await host.StopAsync(ct);
        await DeleteKeysAsync(redis, prefix);

        Assert.Equal(2, store.Rebuilds);
    }

    [Fact]
    public async Task A_rebuild_that_failed_is_tried_again_at_the_next_check()
    {
        var ct = TestContext.Current.CancellationToken;
        var prefix = $"tailor-test:{Guid.NewGuid():N}:";
        var store = new StoredInterests(users: 3, failures: 1);
        using var host = Build(RedisSettings(prefix), store);
        await using var redis = await ConnectionMultiplexer.ConnectAsync(TestInfrastructure.RequireRedis());

        await host.StartAsync(ct);
        await Polling.UntilAsync(async () => await ProfileKeysAsync(redis, prefix) == 3, Patience, ct);
        await host.StopAsync(ct);
        await DeleteKeysAsync(redis, prefix);

        Assert.Equal(2, store.Rebuilds);
    }

    [Fact]
    public async Task A_write_that_fails_while_its_slice_is_rebuilt_leaves_the_repair_pending_for_one_more_rebuild()
    {
        // The rebuild may already have passed the user whose write failed: completing the repair would lose that write.
        var ct = TestContext.Current.CancellationToken;
        var prefix = $"tailor-test:{Guid.NewGuid():N}:";
        var store = new StoredInterests(users: 3, slowness: TimeSpan.FromSeconds(1));
        using var host = Build(RedisSettings(prefix), store);
        await using var redis = await ConnectionMultiplexer.ConnectAsync(TestInfrastructure.RequireRedis());
        var repairs = host.Services.GetRequiredService<SliceRepairs>();

        await host.StartAsync(ct);
        await Polling.UntilAsync(() => Task.FromResult(store.Rebuilds == 1 && redis.GetDatabase().KeyExists($"{prefix}profiles:{{interests}}:complete")), Patience, ct);
        await repairs.RecordFailedWriteAsync(InterestsSlice.SliceName, DateTimeOffset.UtcNow, ct);
        await Polling.UntilAsync(() => store.Rebuilds == 2, Patience, ct);
        await repairs.RecordFailedWriteAsync(InterestsSlice.SliceName, DateTimeOffset.UtcNow, ct);
        await Polling.UntilAsync(async () => await repairs.FindPendingAsync(InterestsSlice.SliceName, ct) is null, Patience, ct);
        await Task.Delay(TimeSpan.FromMilliseconds(500), ct); // a few more checks, which must find nothing to do
        await host.StopAsync(ct);
        await DeleteKeysAsync(redis, prefix);

        Assert.Equal(3, store.Rebuilds);
        Assert.Equal(0, store.Overlaps);
    }

    private static Dictionary<string, string?> RedisSettings(string prefix) => new()
    {
        ["ConnectionStrings:redis"] = TestInfrastructure.RequireRedis(),
        ["Tailor:Redis:KeyPrefix"] = prefix,
        ["Tailor:Redis:RebuildCheckInterval"] = "00:00:00.100",
    };

    private static IReadOnlyList<FakeLogRecord> RebuildRecords(FakeLogCollector logs) =>
        [.. logs.GetSnapshot().Where(record => record.Category == "Tailor.Profiles.Rebuild.ProfileRebuildMonitor")];

    private static IHost Build(Dictionary<string, string?> settings, StoredInterests store, FakeLogCollector? logs = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        if (logs is not null)
        {
            builder.Logging.SetMinimumLevel(LogLevel.Debug).AddProvider(new FakeLoggerProvider(logs));
        }

        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddSingleton<Tailor.Storage.IDocumentStore>(Redis.RedisCaches.Store());
        builder.Services.AddSingleton(store);
        builder.Services.AddProfileSliceRebuilder<StoredInterestsRebuilder>();
        builder.AddTailorProfiles();
        return builder.Build();
    }

    private static async Task<int> CountAsync(IProfileCache cache, CancellationToken ct) =>
        await cache.ListUserIdsAsync(ct).CountAsync(ct);

    private static async Task<int> ProfileKeysAsync(IConnectionMultiplexer redis, string prefix) =>
        await Server(redis).KeysAsync(pattern: $"{prefix}profile:*").CountAsync();

    // What a Redis restarted without persistence has of this test's keys: nothing, all gone at once.
    private static async Task DeleteKeysAsync(IConnectionMultiplexer redis, string prefix)
    {
        var keys = await Server(redis).KeysAsync(pattern: $"{prefix}*").ToArrayAsync();
        await redis.GetDatabase().KeyDeleteAsync(keys);
    }

    private static IServer Server(IConnectionMultiplexer redis) => redis.GetServer(redis.GetEndPoints()[0]);

    /// <summary>A service's store of interest vectors, as a service keeps the truth its slices project; counts its rebuilds.</summary>
    private sealed class StoredInterests(int users, TimeSpan slowness = default, int failures = 0)
    {
        private int _rebuilds;
        private int _running;
        private int _overlaps;
        private int _failuresLeft = failures;

        public int Rebuilds => Volatile.Read(ref _rebuilds);

        public int Overlaps => Volatile.Read(ref _overlaps);

        public IEnumerable<string> UserIds => Enumerable.Range(0, users).Select(user => $"u{user}");

        public InterestsSlice Slice(string userId) =>
            new("all-MiniLM-L6-v2", "1", [userId.Length, 0.5f], userId.Length, DateTimeOffset.UnixEpoch);

        public async Task<int> RebuildAsync(IProfileCache cache, CancellationToken ct)
        {
            Interlocked.Increment(ref _rebuilds);
            if (Interlocked.Increment(ref _running) > 1)
            {
                Interlocked.Increment(ref _overlaps);
            }

            try
            {
                await Task.Delay(slowness, ct);
                if (Interlocked.Decrement(ref _failuresLeft) >= 0)
                {
                    throw new IOException("The store failed half way.");
                }

                foreach (var userId in UserIds)
                {
                    await cache.WriteSliceAsync(userId, Slice(userId), ct);
                }

                return users;
            }
            finally
            {
                Interlocked.Decrement(ref _running);
            }
        }
    }

    private sealed class StoredInterestsRebuilder(StoredInterests store, IProfileCache cache) : IProfileSliceRebuilder
    {
        public string SliceName => InterestsSlice.SliceName;

        public Task<int> RebuildAsync(CancellationToken cancellationToken) => store.RebuildAsync(cache, cancellationToken);
    }

    private sealed class SliceComparer : IEqualityComparer<InterestsSlice?>
    {
        public static readonly SliceComparer Instance = new();

        public bool Equals(InterestsSlice? x, InterestsSlice? y) =>
            x is not null && y is not null && x with { Vector = [] } == y with { Vector = [] } && x.Vector.SequenceEqual(y.Vector);

        public int GetHashCode(InterestsSlice? obj) => 0;
    }
}
