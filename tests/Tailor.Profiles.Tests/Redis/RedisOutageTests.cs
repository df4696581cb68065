using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using StackExchange.Redis;
using Tailor.Messaging;
using Tailor.Profiles.Rebuild;
using Tailor.Profiles.Redis;
using Tailor.Storage;
using Tailor.Testing;

namespace Tailor.Profiles.Tests.Redis;

/// <summary>
/// Redis shut down and started again, for real (a server of the test's own): slice writes wait in the service's store
/// and reach Redis when it is back, newest last; reads say the dependency is down so the consumer waits.
/// </summary>
public sealed class RedisOutageTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Slice_writes_during_an_outage_wait_in_the_store_and_reach_Redis_newest_last_when_it_is_back()
    {
        await using var node = await RedisNode.StartAsync();
        var store = RedisCaches.Store();
        using var host = ProfilesHost(node, store);
        await host.StartAsync(Token);
        var cache = host.Services.GetRequiredService<IProfileCache>();
        var outage = host.Services.GetRequiredService<RedisOutage>();

        await cache.WriteSliceAsync("before", Contact("France"), Token);
        await node.StopAsync();
        await cache.WriteSliceAsync("during", Contact("Japan"), Token);
        await cache.WriteSliceAsync("before", Contact("Spain"), Token);
        await cache.WriteSliceAsync("during", Contact("Peru"), Token);

        Assert.True(outage.IsDeferring);
        Assert.Equal(2, await store.ListAsync(DeferredSlices.Collection, Token).CountAsync(Token));

        await node.StartAgainAsync();
        await Polling.UntilAsync(async () => !outage.IsDeferring && await store.ListAsync(DeferredSlices.Collection, Token).CountAsync(Token) == 0, Patience, Token);
        await cache.WriteSliceAsync("after", Contact("Chile"), Token);

        Assert.Equal("Spain", (await cache.ReadAsync("before", Token))!.Contact!.Country);
        Assert.Equal("Peru", (await cache.ReadAsync("during", Token))!.Contact!.Country);
        Assert.Equal("Chile", (await cache.ReadAsync("after", Token))!.Contact!.Country);
        Assert.Equal(["after", "before", "during"], (await cache.ListUserIdsAsync(Token).ToListAsync(Token)).Order(StringComparer.Ordinal));
        await host.StopAsync(Token);
    }

    [Fact]
    public async Task Reads_during_an_outage_say_the_dependency_is_unavailable_so_the_consumer_waits()
    {
        await using var node = await RedisNode.StartAsync();
        using var redis = await ConnectionMultiplexer.ConnectAsync(node.Configuration);
        var cache = RedisCaches.Create(redis, string.Empty, RedisCaches.Store());
        await cache.WriteSliceAsync("17850", Contact("France"), Token);

        await node.StopAsync();

        await Assert.ThrowsAsync<DependencyUnavailableException>(() => cache.ReadAsync("17850", Token));
        await Assert.ThrowsAsync<DependencyUnavailableException>(async () => await cache.ListUserIdsAsync(Token).ToListAsync(Token));
    }

    [Fact]
    public async Task Deferred_writes_left_by_a_stopped_process_are_written_when_the_next_one_starts()
    {
        await using var node = await RedisNode.StartAsync();
        var store = RedisCaches.Store();
        // What a process stopped mid-outage leaves behind: a deferred write in its store, Redis back and empty of it.
        await using (var redis = await ConnectionMultiplexer.ConnectAsync(node.Configuration))
        {
            var stopped = RedisCaches.Create(redis, string.Empty, store, new RedisOutage());
            await node.StopAsync();
            await stopped.WriteSliceAsync("17850", Contact("Italy"), Token);
            await node.StartAgainAsync();
        }

        Assert.Equal(1, await store.ListAsync(DeferredSlices.Collection, Token).CountAsync(Token));

        // The next process of the service that owns the slice.
        using var host = ProfilesHost(node, store, ContactSlice.SliceName);
        await host.StartAsync(Token);
        await Polling.UntilAsync(async () => await store.ListAsync(DeferredSlices.Collection, Token).CountAsync(Token) == 0, Patience, Token);

        Assert.Equal("Italy", (await host.Services.GetRequiredService<IProfileCache>().ReadAsync("17850", Token))!.Contact!.Country);
        await host.StopAsync(Token);
    }

    [Fact]
    public async Task Each_service_writes_only_the_deferred_slices_it_owns_when_services_share_one_store()
    {
        await using var node = await RedisNode.StartAsync();
        var store = RedisCaches.Store();
        // Two services on one store, as in the embedded mode's file: one owns the contact slice, the other the topics.
        using var contacts = ProfilesHost(node, store, ContactSlice.SliceName);
        var topics = ProfilesHost(node, store, TopicsSlice.SliceName);
        await contacts.StartAsync(Token);
        await topics.StartAsync(Token);

        await node.StopAsync();
        await contacts.Services.GetRequiredService<IProfileCache>().WriteSliceAsync("17850", Contact("France"), Token);
        await topics.Services.GetRequiredService<IProfileCache>().WriteSliceAsync("17850", Topics("v1"), Token);
        Assert.Equal(2, await store.ListAsync(DeferredSlices.Collection, Token).CountAsync(Token));

        // The topics service is down when Redis comes back: its write waits for it, the contact service writes only its own.
        await topics.StopAsync(Token);
        topics.Dispose();
        await node.StartAgainAsync();
        var outage = contacts.Services.GetRequiredService<RedisOutage>();
        await Polling.UntilAsync(() => !outage.IsDeferring, Patience, Token);

        var profile = await contacts.Services.GetRequiredService<IProfileCache>().ReadAsync("17850", Token);
        Assert.Equal("France", profile!.Contact!.Country);
        Assert.Null(profile.Topics);
        var waiting = await store.ListAsync(DeferredSlices.Collection, Token).Select(entry => entry.Key).ToListAsync(Token);
        Assert.Equal([$"{TopicsSlice.SliceName} 17850"], waiting);

        // The topics service's next process writes it.
        using var topicsAgain = ProfilesHost(node, store, TopicsSlice.SliceName);
        await topicsAgain.StartAsync(Token);
        await Polling.UntilAsync(async () => await store.ListAsync(DeferredSlices.Collection, Token).CountAsync(Token) == 0, Patience, Token);
        Assert.Equal("v1", (await topicsAgain.Services.GetRequiredService<IProfileCache>().ReadAsync("17850", Token))!.Topics!.ModelVersion);
        Assert.Equal("France", (await topicsAgain.Services.GetRequiredService<IProfileCache>().ReadAsync("17850", Token))!.Contact!.Country);
        await topicsAgain.StopAsync(Token);
        await contacts.StopAsync(Token);
    }

    /// <param name="ownedSlices">The slices the host's service owns, as its rebuilders say (every slice owner registers one).</param>
    private static IHost ProfilesHost(RedisNode node, IDocumentStore store, params string[] ownedSlices)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:redis"] = node.Configuration,
            ["Tailor:Redis:FlushInterval"] = "00:00:00.200",
        });
        builder.Services.AddSingleton<IDocumentStore>(store);
        foreach (var slice in ownedSlices)
        {
            builder.Services.AddSingleton<IProfileSliceRebuilder>(new NothingToRebuild(slice));
        }

        builder.AddTailorProfiles();
        return builder.Build();
    }

    private static TopicsSlice Topics(string modelVersion) => new(modelVersion, [0.7, 0.3], 0, "christmas lights", DateTimeOffset.UnixEpoch);

    /// <summary>A slice owner whose store holds nothing to write back: the test is about the deferred writes alone.</summary>
    private sealed class NothingToRebuild(string sliceName) : IProfileSliceRebuilder
    {
        public string SliceName => sliceName;

        public Task<int> RebuildAsync(CancellationToken cancellationToken) => Task.FromResult(0);
    }

    private static ContactSlice Contact(string country) => new(null, "Ada", country, null, true, DateTimeOffset.UnixEpoch);
}
