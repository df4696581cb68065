using System.Text.Json.Nodes;
using Tailor.Contracts;
using Tailor.Testing;

namespace Tailor.Messaging.Tests;

/// <summary>
/// <see cref="IUserEvent"/> is a shape the contracts share, not a message: on a real RabbitMQ, publishing a user event
/// through the Tailor bus declares no exchange for the interface, each service's queue still receives the event, and
/// the envelope names the concrete contract first.
/// </summary>
public sealed class TailorBusUserEventTopologyTests
{
    private const string InterfaceExchange = "Tailor.Contracts:IUserEvent";
    private const string EventExchange = "Tailor.Contracts:UserActivityTracked";

    [Fact]
    public async Task Publish_user_event_declares_no_exchange_for_the_interface_and_reaches_the_consumer()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        // A virtual host of the test's own: a publisher elsewhere that does not exclude the interface cannot have made it.
        await using var virtualHost = await RabbitMqVirtualHost.CreateAsync(TestInfrastructure.RequireRabbitMq());
        Assert.SkipUnless(virtualHost.IsOwn, "A virtual host of the test's own is needed (rabbitmqctl on the broker's machine).");
        await using var broker = await RabbitMqBroker.ConnectAsync(virtualHost.AmqpUri, cancellationToken);
        await using var host = await BusHost.StartAsync(
            virtualHost.AmqpUri, cancellationToken, (TestQueuePrefixes.ServiceA, bus => bus.AddConsumer<ServiceA.UserActivityConsumer>()));
        var wire = await broker.ListenToAsync(EventExchange, cancellationToken);
        var activity = TestActivities.Of(TestActivities.NewRun(), 0, ActivityKinds.View);

        await host.PublishAsync(activity, cancellationToken);

        Assert.True(
            await Polling.WithinAsync(() => host.Activities.By<ServiceA.UserActivityConsumer>().Any(received => received.EventId == activity.EventId)),
            "The service's queue did not receive the user event.");
        Assert.True(await broker.HasExchangeAsync(EventExchange, cancellationToken));
        Assert.False(await broker.HasExchangeAsync(InterfaceExchange, cancellationToken), $"Publishing declared {InterfaceExchange}.");
        var delivered = await broker.TakeAsync(wire, cancellationToken);
        Assert.NotNull(delivered);
        var envelope = JsonNode.Parse(delivered.Body.Span)!;
        Assert.Equal(
            ["urn:message:Tailor.Contracts:UserActivityTracked", "urn:message:Tailor.Contracts:IUserEvent"],
            envelope["messageType"]!.AsArray().Select(type => type!.GetValue<string>()));
        Assert.Equal(activity.EventId, envelope["message"]!["eventId"]!.GetValue<Guid>());
    }
}
