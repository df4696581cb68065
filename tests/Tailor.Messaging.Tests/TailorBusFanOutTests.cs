using Tailor.Contracts;
using Tailor.Testing;

namespace Tailor.Messaging.Tests;

/// <summary>
/// Two services that consume the same message with consumer classes of the same name (under different queue prefixes) each
/// get a queue of their own on RabbitMQ, so each receives every message instead of competing for them.
/// </summary>
public sealed class TailorBusFanOutTests
{
    private const int MessageCount = 20;

    [Fact]
    public async Task Publish_reaches_every_message_to_each_service_host_through_its_own_queue()
    {
        var rabbitMq = TestInfrastructure.RequireRabbitMq();
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var broker = await RabbitMqBroker.ConnectAsync(rabbitMq, cancellationToken);
        await using var serviceA = await BusHost.StartAsync(
            rabbitMq, cancellationToken, (TestQueuePrefixes.ServiceA, bus => bus.AddConsumer<ServiceA.UserActivityConsumer>()));
        await using var serviceB = await BusHost.StartAsync(
            rabbitMq, cancellationToken, (TestQueuePrefixes.ServiceB, bus => bus.AddConsumer<ServiceB.UserActivityConsumer>()));
        var queueA = serviceA.QueueOf<ServiceA.UserActivityConsumer>();
        var queueB = serviceB.QueueOf<ServiceB.UserActivityConsumer>();
        broker.RemoveWhenDisposed(queueA);
        broker.RemoveWhenDisposed(queueB);

        Assert.NotEqual(queueA, queueB);
        Assert.Equal(1u, (await broker.InspectAsync(queueA, cancellationToken))?.ConsumerCount);
        Assert.Equal(1u, (await broker.InspectAsync(queueB, cancellationToken))?.ConsumerCount);

        var messages = TestActivities.Views(TestActivities.NewRun(), MessageCount);
        foreach (var message in messages)
        {
            await serviceA.PublishAsync(message, cancellationToken);
        }

        await AssertEachReceivedEveryMessageOnce(
            messages,
            cancellationToken,
            () => serviceA.Activities.By<ServiceA.UserActivityConsumer>(),
            () => serviceB.Activities.By<ServiceB.UserActivityConsumer>());
    }

    [Fact]
    public async Task Publish_reaches_every_message_to_each_service_sharing_one_host()
    {
        var rabbitMq = TestInfrastructure.RequireRabbitMq();
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var broker = await RabbitMqBroker.ConnectAsync(rabbitMq, cancellationToken);
        // The all-in-one Tailor host: both services register their consumers into one process's bus.
        await using var host = await BusHost.StartAsync(
            rabbitMq,
            cancellationToken,
            (TestQueuePrefixes.ServiceA, bus => bus.AddConsumer<ServiceA.UserActivityConsumer>()),
            (TestQueuePrefixes.ServiceB, bus => bus.AddConsumer<ServiceB.UserActivityConsumer>()));
        var queueA = host.QueueOf<ServiceA.UserActivityConsumer>();
        var queueB = host.QueueOf<ServiceB.UserActivityConsumer>();
        broker.RemoveWhenDisposed(queueA);
        broker.RemoveWhenDisposed(queueB);

        Assert.NotEqual(queueA, queueB);
        Assert.NotNull(await broker.InspectAsync(queueA, cancellationToken));
        Assert.NotNull(await broker.InspectAsync(queueB, cancellationToken));

        var messages = TestActivities.Views(TestActivities.NewRun(), MessageCount);
        foreach (var message in messages)
        {
            await host.PublishAsync(message, cancellationToken);
        }

        await AssertEachReceivedEveryMessageOnce(
            messages,
            cancellationToken,
            () => host.Activities.By<ServiceA.UserActivityConsumer>(),
            () => host.Activities.By<ServiceB.UserActivityConsumer>());
    }

    private static async Task AssertEachReceivedEveryMessageOnce(
        IReadOnlyList<UserActivityTracked> messages,
        CancellationToken cancellationToken,
        params Func<IReadOnlyList<UserActivityTracked>>[] receivedByService)
    {
        var published = messages.Select(message => message.EventId).ToHashSet();

        var allArrived = await Polling.WithinAsync(
            () => receivedByService.All(received => published.IsSubsetOf(received().Select(message => message.EventId))));

        Assert.True(allArrived, "Not every service received every published message in time.");
        foreach (var received in receivedByService)
        {
            // As many deliveries as messages, and all of them: each message arrived exactly once at each service.
            var ours = received().Select(message => message.EventId).Where(published.Contains).ToList();
            Assert.Equal(published.Count, ours.Count);
            Assert.Equal(published, ours.ToHashSet());
        }
    }
}
