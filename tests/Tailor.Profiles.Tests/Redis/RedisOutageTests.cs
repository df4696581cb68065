using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using StackExchange.Redis;
using Tailor.Messaging;
using Tailor.Profiles.Rebuild;
using Tailor.Storage;
using Tailor.Testing;

namespace Tailor.Profiles.Tests.Redis;

/// <summary>
/// Redis away, for real: shut down and started again (a server of the test's own), or running on while a replica is
/// cut off from it. A slice write Redis cannot take leaves a repair of its slice in the owning service's store, the
/// consumer carries on, and the slice is rebuilt from the store once Redis answers, by whichever replica of the owning
/// service checks first; reads say the dependency is down so the consumer waits.
/// </summary>
/// <remarks>
/// Each "service" here keeps its slice as one document per user (collection <c>contacts</c> or <c>topics</c>) and
/// writes it as the services do: the document first, then its slice (<see cref="StoredSliceWrites"/>).
/// </remarks>
public sealed class RedisOutageTests
{
    private const string Contacts = "contacts";
    private const string Topics = "topics";
    // How long a rebuild may take to be seen, not how fast it should be: alone these tests pass in about 2 s. In two of
    // five runs of the whole suite the repair was still pending after 30 s; the likely cause, a claim the first rebuild
    // still held when the server was stopped (kept by the server's AOF for the whole lease), is fixed and tested below,
    // and the wait is generous for a loaded machine.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Consumers_carry_on_during_an_outage_and_every_slice_written_meanwhile_is_rebuilt_when_Redis_is_back()
    {
        await using var node = await RedisNode.StartAsync();
        var store = RedisCaches.Store();
        using var host = ProfilesHost(node.Configuration, string.Empty, store, Contacts);
        await host.StartAsync(Token);
        var cache = host.Services.GetRequiredService<IProfileCache>();
        var repairs = host.Services.GetRequiredService<SliceRepairs>();

        await WriteContactAsync(cache, store, "before", "France");
        await node.StopAsync();
        await WriteContactAsync(cache, store, "during", "Japan");
        await WriteContactAsync(cache, store, "before", "Spain");
        var pendingWhileDown = await repairs.FindPendingAsync(ContactSlice.SliceName, Token);

        await node.StartAgainAsync();
        await Polling.UntilAsync(async () => await repairs.FindPendingAsync(ContactSlice.SliceName, Token) is null, Patience, Token);
        await WriteContactAsync(cache, store, "after", "Chile");

        Assert.NotNull(pendingWhileDown);
        Assert.Equal("Spain", await CountryAsync(cache, "before"));
        Assert.Equal("Japan", await CountryAsync(cache, "during"));
        Assert.Equal("Chile", await CountryAsync(cache, "after"));
        Assert.Equal(["after", "before", "during"], (await cache.ListUserIdsAsync(Token).ToListAsync(Token)).Order(StringComparer.Ordinal));
        await host.StopAsync(Token);
    }

    [Fact]
    public async Task A_batch_of_slices_written_while_Redis_is_down_is_recorded_for_repair_and_rebuilt()
    {
        await using var node = await RedisNode.StartAsync();
        var store = RedisCaches.Store();
        using var host = ProfilesHost(node.Configuration, string.Empty, store, Contacts);
        await host.StartAsync(Token);
        var cache = host.Services.GetRequiredService<IProfileCache>();
        var repairs = host.Services.GetRequiredService<SliceRepairs>();
        await node.StopAsync();

        await WriteContactsAsync(cache, store, ("batch-1", "Peru"), ("batch-2", "Fiji"));
        var pendingWhileDown = await repairs.FindPendingAsync(ContactSlice.SliceName, Token);
        await node.StartAgainAsync();
        await Polling.UntilAsync(async () => await repairs.FindPendingAsync(ContactSlice.SliceName, Token) is null, Patience, Token);

        Assert.NotNull(pendingWhileDown);
        Assert.Equal("Peru", await CountryAsync(cache, "batch-1"));
        Assert.Equal("Fiji", await CountryAsync(cache, "batch-2"));
        await host.StopAsync(Token);
    }

    [Fact]
    public async Task A_write_one_replica_could_not_make_is_rebuilt_by_another_though_Redis_never_restarted()
    {
        var prefix = $"tailor-test:{Guid.NewGuid():N}:";
        var store = RedisCaches.Store();
        using var live = ProfilesHost(TestInfrastructure.RequireRedis(), prefix, store, Contacts);
        await using var redis = await ConnectionMultiplexer.ConnectAsync(TestInfrastructure.RequireRedis());
        await using var cutOff = await RedisCaches.CutOffAsync();
        var cutOffCache = RedisCaches.Create(cutOff, prefix, store);
        await live.StartAsync(Token);
        var liveCache = live.Services.GetRequiredService<IProfileCache>();
        await WriteContactAsync(liveCache, store, "17850", "France");
        var marker = await CompleteMarkerAsync(redis, prefix, ContactSlice.SliceName);

        // The cut-off replica's write fails, as Redis answers the other replica all along (the marker stays valid).
        await WriteContactAsync(cutOffCache, store, "17850", "Spain");
        await Polling.UntilAsync(async () => await CountryAsync(liveCache, "17850") == "Spain", Patience, Token);
        await Polling.UntilAsync(async () => await live.Services.GetRequiredService<SliceRepairs>().FindPendingAsync(ContactSlice.SliceName, Token) is null, Patience, Token);
        await live.StopAsync(Token);

        Assert.Equal(marker, await redis.GetDatabase().StringGetAsync(MarkerKey(prefix, ContactSlice.SliceName)));
        await DeleteKeysAsync(redis, prefix);
    }

    [Fact]
    public async Task A_repair_left_by_a_process_stopped_during_the_outage_is_done_by_the_next_one()
    {
        var prefix = $"tailor-test:{Guid.NewGuid():N}:";
        var store = RedisCaches.Store();
        await using var redis = await ConnectionMultiplexer.ConnectAsync(TestInfrastructure.RequireRedis());
        using (var first = ProfilesHost(TestInfrastructure.RequireRedis(), prefix, store, Contacts))
        {
            await first.StartAsync(Token);
            await WriteContactAsync(first.Services.GetRequiredService<IProfileCache>(), store, "17850", "France");
            await CompleteMarkerAsync(redis, prefix, ContactSlice.SliceName);
            await first.StopAsync(Token);
        }

        // A process of the service cut off from Redis writes, then stops: only the repair in the store is left of it.
        await using (var cutOff = await RedisCaches.CutOffAsync())
        {
            await WriteContactAsync(RedisCaches.Create(cutOff, prefix, store), store, "17850", "Italy");
        }

        using var next = ProfilesHost(TestInfrastructure.RequireRedis(), prefix, store, Contacts);
        var cache = next.Services.GetRequiredService<IProfileCache>();
        var staleBeforeStart = await CountryAsync(cache, "17850");
        await next.StartAsync(Token);
        await Polling.UntilAsync(async () => await next.Services.GetRequiredService<SliceRepairs>().FindPendingAsync(ContactSlice.SliceName, Token) is null, Patience, Token);
        await next.StopAsync(Token);

        Assert.Equal("France", staleBeforeStart);
        Assert.Equal("Italy", await CountryAsync(cache, "17850"));
        await DeleteKeysAsync(redis, prefix);
    }

    [Fact]
    public async Task A_claim_taken_on_an_earlier_run_of_the_server_does_not_block_the_rebuild_but_a_live_one_does()
    {
        var store = RedisCaches.Store();
        await using var redis = await ConnectionMultiplexer.ConnectAsync(TestInfrastructure.RequireRedis());
        var runId = ((string?)await redis.GetDatabase().ScriptEvaluateAsync("return redis.call('INFO', 'server')"))!
            .Split('\n').Select(line => line.Trim()).First(line => line.StartsWith("run_id:", StringComparison.Ordinal))["run_id:".Length..];

        // A rebuild under way when its server restarted could not give up its claim, which the server kept (AOF).
        var stalePrefix = $"tailor-test:{Guid.NewGuid():N}:";
        await redis.GetDatabase().StringSetAsync(ClaimKey(stalePrefix, ContactSlice.SliceName), "dead:a-run-before-the-restart", TimeSpan.FromMinutes(10));
        using (var host = ProfilesHost(TestInfrastructure.RequireRedis(), stalePrefix, store, Contacts))
        {
            await host.StartAsync(Token);
            Assert.Equal(runId, (string?)await CompleteMarkerAsync(redis, stalePrefix, ContactSlice.SliceName));
            await host.StopAsync(Token);
        }

        // A claim of this run is another replica's rebuild in progress: left alone.
        var livePrefix = $"tailor-test:{Guid.NewGuid():N}:";
        await redis.GetDatabase().StringSetAsync(ClaimKey(livePrefix, ContactSlice.SliceName), $"other-replica:{runId}", TimeSpan.FromMinutes(10));
        using (var host = ProfilesHost(TestInfrastructure.RequireRedis(), livePrefix, store, Contacts))
        {
            await host.StartAsync(Token);
            await Task.Delay(TimeSpan.FromSeconds(1), Token); // ten checks
            Assert.False(await redis.GetDatabase().KeyExistsAsync(MarkerKey(livePrefix, ContactSlice.SliceName)));
            await host.StopAsync(Token);
        }

        await DeleteKeysAsync(redis, stalePrefix);
        await DeleteKeysAsync(redis, livePrefix);
    }

    [Fact]
    public async Task Services_sharing_one_store_repair_only_the_slices_they_own()
    {
        var prefix = $"tailor-test:{Guid.NewGuid():N}:";
        var store = RedisCaches.Store();
        await using var redis = await ConnectionMultiplexer.ConnectAsync(TestInfrastructure.RequireRedis());
        // Two services on one store, as in the embedded mode's file: one owns the contact slice, the other the topics.
        using var contacts = ProfilesHost(TestInfrastructure.RequireRedis(), prefix, store, Contacts);
        var topics = ProfilesHost(TestInfrastructure.RequireRedis(), prefix, store, Topics);
        await contacts.StartAsync(Token);
        await topics.StartAsync(Token);
        var cache = contacts.Services.GetRequiredService<IProfileCache>();
        var repairs = contacts.Services.GetRequiredService<SliceRepairs>();
        await WriteContactAsync(cache, store, "17850", "France");
        await WriteTopicsAsync(topics.Services.GetRequiredService<IProfileCache>(), store, "17850", "v1");
        await CompleteMarkerAsync(redis, prefix, ContactSlice.SliceName);
        await CompleteMarkerAsync(redis, prefix, TopicsSlice.SliceName);

        // The topics service is down when its write and the contact service's fail: the contact service repairs only its own.
        await topics.StopAsync(Token);
        topics.Dispose();
        await using (var cutOff = await RedisCaches.CutOffAsync())
        {
            var cutOffCache = RedisCaches.Create(cutOff, prefix, store);
            await WriteContactAsync(cutOffCache, store, "17850", "Spain");
            await WriteTopicsAsync(cutOffCache, store, "17850", "v2");
        }

        await Polling.UntilAsync(async () => await repairs.FindPendingAsync(ContactSlice.SliceName, Token) is null, Patience, Token);
        var profile = await cache.ReadAsync("17850", Token);
        var topicsRepairWaiting = await repairs.FindPendingAsync(TopicsSlice.SliceName, Token);

        // The topics service's next process repairs its own.
        using var topicsAgain = ProfilesHost(TestInfrastructure.RequireRedis(), prefix, store, Topics);
        await topicsAgain.StartAsync(Token);
        await Polling.UntilAsync(async () => await repairs.FindPendingAsync(TopicsSlice.SliceName, Token) is null, Patience, Token);
        var repaired = await cache.ReadAsync("17850", Token);
        await topicsAgain.StopAsync(Token);
        await contacts.StopAsync(Token);

        Assert.Equal(("Spain", "v1"), (profile!.Contact!.Country, profile.Topics!.ModelVersion));
        Assert.NotNull(topicsRepairWaiting);
        Assert.Equal(("Spain", "v2"), (repaired!.Contact!.Country, repaired.Topics!.ModelVersion));
        await DeleteKeysAsync(redis, prefix);
    }

    [Fact]
    public async Task Reads_and_slice_removals_during_an_outage_say_the_dependency_is_unavailable_so_the_consumer_waits()
    {
        await using var node = await RedisNode.StartAsync();
        using var redis = await ConnectionMultiplexer.ConnectAsync(node.Configuration);
        var cache = RedisCaches.Create(redis, string.Empty, RedisCaches.Store());
        await cache.WriteSliceAsync("17850", Contact("France"), Token);

        await node.StopAsync();

        await Assert.ThrowsAsync<DependencyUnavailableException>(() => cache.ReadAsync("17850", Token));
        await Assert.ThrowsAsync<DependencyUnavailableException>(() => cache.ReadManyAsync(["17850"], cancellationToken: Token));
        await Assert.ThrowsAsync<DependencyUnavailableException>(async () => await cache.ListUserIdsAsync(Token).ToListAsync(Token));
        await Assert.ThrowsAsync<DependencyUnavailableException>(() => cache.RemoveSliceAsync("17850", ContactSlice.SliceName, Token));
    }

    /// <param name="collections">The collections whose slices the host's service owns and rebuilds: <c>contacts</c>, <c>topics</c>.</param>
    private static IHost ProfilesHost(string redis, string prefix, IDocumentStore store, params string[] collections)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:redis"] = redis,
            ["Tailor:Redis:KeyPrefix"] = prefix,
            ["Tailor:Redis:RebuildCheckInterval"] = "00:00:00.100",
        });
        builder.Services.AddSingleton<IDocumentStore>(store);
        if (collections.Contains(Contacts))
        {
            builder.Services.AddStoredSliceRebuilder<ContactSlice, ContactSlice>(Contacts, contact => contact);
        }

        if (collections.Contains(Topics))
        {
            builder.Services.AddStoredSliceRebuilder<TopicsSlice, TopicsSlice>(Topics, topics => topics);
        }

        builder.AddTailorProfiles();
        return builder.Build();
    }

    // What a consumer of the owning service does: its state first, then the slice drawn from it.
    private static async Task WriteContactAsync(IProfileCache cache, IDocumentStore store, string userId, string country)
    {
        var stored = await store.UpdateAsync<ContactSlice>(Contacts, userId, _ => Contact(country), Token);
        await cache.WriteLatestSliceAsync(store, Contacts, userId, stored!, contact => contact, Token);
    }

    // As a batch consumer writes: the stored documents first, then every slice of the batch at once.
    private static async Task WriteContactsAsync(IProfileCache cache, IDocumentStore store, params (string UserId, string Country)[] contacts)
    {
        var written = new List<KeyValuePair<string, Versioned<ContactSlice>>>();
        foreach (var (userId, country) in contacts)
        {
            written.Add(KeyValuePair.Create(userId, (await store.UpdateAsync<ContactSlice>(Contacts, userId, _ => Contact(country), Token))!));
        }

        await cache.WriteLatestSlicesAsync(store, Contacts, written, (_, contact) => contact, Token);
    }

    private static async Task WriteTopicsAsync(IProfileCache cache, IDocumentStore store, string userId, string modelVersion)
    {
        var stored = await store.UpdateAsync<TopicsSlice>(Topics, userId, _ => new TopicsSlice(modelVersion, [0.7, 0.3], 0, "christmas lights", DateTimeOffset.UnixEpoch), Token);
        await cache.WriteLatestSliceAsync(store, Topics, userId, stored!, topics => topics, Token);
    }

    private static async Task<string?> CountryAsync(IProfileCache cache, string userId) =>
        (await cache.ReadAsync(userId, Token))?.Contact?.Country;

    // Waits for the slice's first rebuild to be marked complete, and returns the marker (the Redis server's run_id).
    private static async Task<RedisValue> CompleteMarkerAsync(IConnectionMultiplexer redis, string prefix, string sliceName)
    {
        await Polling.UntilAsync(async () => await redis.GetDatabase().KeyExistsAsync(MarkerKey(prefix, sliceName)), Patience, Token);
        return await redis.GetDatabase().StringGetAsync(MarkerKey(prefix, sliceName));
    }

    private static RedisKey MarkerKey(string prefix, string sliceName) => $"{prefix}profiles:{{{sliceName}}}:complete";

    private static RedisKey ClaimKey(string prefix, string sliceName) => $"{prefix}profiles:{{{sliceName}}}:rebuilding";

    private static async Task DeleteKeysAsync(IConnectionMultiplexer redis, string prefix)
    {
        var server = redis.GetServer(redis.GetEndPoints()[0]);
        await redis.GetDatabase().KeyDeleteAsync(await server.KeysAsync(pattern: $"{prefix}*").ToArrayAsync());
    }

    private static ContactSlice Contact(string country) => new(null, "Ada", country, null, true, DateTimeOffset.UnixEpoch);
}
