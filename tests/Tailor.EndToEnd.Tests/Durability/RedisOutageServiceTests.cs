using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;
using Tailor.Contracts;
using Tailor.Host.Demo;
using Tailor.Host.Hosting;
using Tailor.Profiles;
using Tailor.Profiles.Rebuild;
using Tailor.SendTime;
using Tailor.Storage;
using Tailor.Testing;

namespace Tailor.EndToEnd.Tests.Durability;

/// <summary>
/// A whole service (SendTime, on a real RabbitMQ node) with its Redis shut down: it keeps consuming and learning from
/// its store, nothing faults, its failed slice writes leave a repair of the slice in its store, and every user's
/// send-time slice is rebuilt from the store once Redis is started again. With its Redis emptied (a restart without
/// persistence), it writes every slice back from its store.
/// </summary>
/// <remarks>
/// The broker is a node of the test's own: on the shared one, the purchases published here would also wait in the
/// other end-to-end tests' durable queues and reach their hosts later as users they never sent.
/// </remarks>
[Collection(EndToEndCollection.Name)]
public sealed class RedisOutageServiceTests : IDisposable
{
    private const int Users = 40;
    private const int EventsPerUser = 5;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private readonly DirectoryInfo _state = Directory.CreateTempSubdirectory("tailor-redis-outage-");

    [Fact]
    public async Task SendTime_keeps_learning_while_Redis_is_down_and_writes_every_profile_when_it_is_back()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var broker = await RabbitMqNode.StartAsync();
        await using var redis = await RedisNode.StartAsync();
        var prefix = $"outage-{Guid.NewGuid():N}:";
        var monitor = new BusActivityMonitor();
        await using var host = await StartSendTimeAsync(broker, redis, prefix, monitor, cancellationToken);
        var events = host.Services.GetRequiredService<IEventStore>();
        var repairs = host.Services.GetRequiredService<SliceRepairs>();

        await redis.StopAsync();
        var activity = Enumerable.Range(0, Users * EventsPerUser).Select(Purchase).ToList();
        await host.Services.GetRequiredService<IPublishEndpoint>().PublishBatch(activity, cancellationToken);
        await Polling.UntilAsync(async () => await events.CountAsync(SendTimeNames.Stream, cancellationToken) >= activity.Count, Patience, cancellationToken);
        await monitor.WaitForQuietAsync(TimeSpan.FromSeconds(1), Patience, cancellationToken);
        var repairWhileDown = await repairs.FindPendingAsync(SendTimeSlice.SliceName, cancellationToken);

        await redis.StartAgainAsync();
        await using var reader = await ConnectionMultiplexer.ConnectAsync(redis.Configuration);
        await Polling.UntilAsync(async () => await repairs.FindPendingAsync(SendTimeSlice.SliceName, cancellationToken) is null, Patience, cancellationToken);
        await host.StopAsync(cancellationToken);

        Assert.NotNull(repairWhileDown);
        Assert.Equal(0, monitor.Faults);
        Assert.Equal(activity.Count, await events.CountAsync(SendTimeNames.Stream, cancellationToken));
        await AssertEverySliceAsync(reader, prefix);
    }

    [Fact]
    public async Task SendTime_writes_every_profile_again_when_Redis_comes_back_empty()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var broker = await RabbitMqNode.StartAsync();
        await using var redis = await RedisNode.StartAsync();
        var prefix = $"emptied-{Guid.NewGuid():N}:";
        var monitor = new BusActivityMonitor();
        await using var host = await StartSendTimeAsync(broker, redis, prefix, monitor, cancellationToken);
        await using var reader = await ConnectionMultiplexer.ConnectAsync(redis.Configuration);
        var activity = Enumerable.Range(0, Users * EventsPerUser).Select(Purchase).ToList();

        await host.Services.GetRequiredService<IPublishEndpoint>().PublishBatch(activity, cancellationToken);
        // Every event learned and the bus idle: from here on, only a rebuild writes a slice.
        await Polling.UntilAsync(async () => await CompleteSlicesAsync(reader, prefix) == Users, Patience, cancellationToken);
        await monitor.WaitForQuietAsync(TimeSpan.FromSeconds(1), Patience, cancellationToken);
        await redis.EmptyAsync();
        await Polling.UntilAsync(async () => await CompleteSlicesAsync(reader, prefix) == Users, Patience, cancellationToken);
        await host.StopAsync(cancellationToken);

        Assert.Equal(0, monitor.Faults);
        Assert.Equal(activity.Count, await host.Services.GetRequiredService<IEventStore>().CountAsync(SendTimeNames.Stream, cancellationToken));
        await AssertEverySliceAsync(reader, prefix);
    }

    public void Dispose() => _state.Delete(recursive: true);

    // SendTime alone, on the test's own broker and Redis; the cache's checks run every quarter second instead of 30 s.
    private async Task<WebApplication> StartSendTimeAsync(RabbitMqNode broker, RedisNode redis, string prefix, BusActivityMonitor monitor, CancellationToken cancellationToken)
    {
        var host = TailorHost.Build(
        [
            "--Tailor:Target=sendtime", "--urls=http://127.0.0.1:0", $"--ConnectionStrings:rabbitmq={broker.AmqpUri}", "--ConnectionStrings:mongodb=",
            $"--ConnectionStrings:redis={redis.Configuration}", $"--Tailor:Redis:KeyPrefix={prefix}", "--Tailor:Redis:RebuildCheckInterval=00:00:00.250",
            $"--Tailor:Sqlite:Path={Path.Combine(_state.FullName, "sendtime.db")}", "--Logging:LogLevel:Default=Warning",
        ]);
        host.Services.GetRequiredService<IBus>().ConnectReceiveObserver(monitor);
        await host.StartAsync(cancellationToken);
        return host;
    }

    // Users whose send-time slice in Redis counts all their events.
    private static async Task<int> CompleteSlicesAsync(ConnectionMultiplexer reader, string prefix)
    {
        var database = reader.GetDatabase();
        var found = 0;
        for (var user = 0; user < Users; user++)
        {
            var slice = await database.HashGetAsync($"{prefix}profile:u{user}", "sendtime");
            found += slice.HasValue && slice.ToString().Contains($"\"evidenceCount\":{EventsPerUser}", StringComparison.Ordinal) ? 1 : 0;
        }

        return found;
    }

    private static async Task AssertEverySliceAsync(ConnectionMultiplexer reader, string prefix)
    {
        for (var user = 0; user < Users; user++)
        {
            var slice = await reader.GetDatabase().HashGetAsync($"{prefix}profile:u{user}", "sendtime");
            Assert.True(slice.HasValue, $"user u{user} has no send-time slice in Redis");
            Assert.Contains($"\"evidenceCount\":{EventsPerUser}", slice.ToString(), StringComparison.Ordinal);
        }
    }

    private static UserActivityTracked Purchase(int n) => new(
        new Guid($"00000000-0000-4000-a000-{n:D12}"), $"u{n % Users}", new DateTimeOffset(2011, 3, 1, 9, 0, 0, TimeSpan.Zero).AddHours(n),
        ActivityKinds.Purchase, $"item-{n % 7}", $"Item {n % 7}", 1, 2.5m, null, new Dictionary<string, string>());
}
