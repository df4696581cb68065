using Tailor.Testing;

namespace Tailor.Messaging.Tests;

/// <summary>Without <c>ConnectionStrings:rabbitmq</c> the bus runs in memory: a host starts and delivers with no broker.</summary>
public sealed class TailorBusInMemoryTests
{
    [Fact]
    public async Task AddTailorBus_without_connection_string_uses_in_memory_transport_and_delivers()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var host = await BusHost.StartAsync(
            rabbitMq: null, cancellationToken, (TestQueuePrefixes.ServiceA, bus => bus.AddConsumer<ServiceA.UserActivityConsumer>()));
        var message = TestActivities.Views(TestActivities.NewRun(), count: 1)[0];

        await host.PublishAsync(message, cancellationToken);

        var delivered = await Polling.WithinAsync(
            () => host.Activities.By<ServiceA.UserActivityConsumer>().Count > 0);
        Assert.True(delivered, "The in-memory bus did not deliver the message in time.");
        Assert.Equal("loopback", host.Address.Scheme);
        var received = Assert.Single(host.Activities.By<ServiceA.UserActivityConsumer>());
        Assert.Equal((message.EventId, message.UserId, message.ItemId), (received.EventId, received.UserId, received.ItemId));
        Assert.Equal(message.Properties, received.Properties);
    }
}
