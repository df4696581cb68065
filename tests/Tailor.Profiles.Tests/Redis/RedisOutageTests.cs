using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using StackExchange.Redis;
using Tailor.Messaging;
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

        using var host = ProfilesHost(node, store);
        await host.StartAsync(Token);
        await Polling.UntilAsync(async () => await store.ListAsync(DeferredSlices.Collection, Token).CountAsync(Token) == 0, Patience, Token);

        Assert.Equal("Italy", (await host.Services.GetRequiredService<IProfileCache>().ReadAsync("17850", Token))!.Contact!.Country);
        await host.StopAsync(Token);
    }

    private static IHost ProfilesHost(RedisNode node, IDocumentStore store)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:redis"] = node.Configuration,
            ["Tailor:Redis:FlushInterval"] = "00:00:00.200",
        });
        builder.Services.AddSingleton<IDocumentStore>(store);
        builder.AddTailorProfiles();
        return builder.Build();
    }

    private static ContactSlice Contact(string country) => new(null, "Ada", country, null, true, DateTimeOffset.UnixEpoch);
}
