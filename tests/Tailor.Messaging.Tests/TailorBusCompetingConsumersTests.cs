using Tailor.Testing;

namespace Tailor.Messaging.Tests;

/// <summary>Replicas of one service share its queue on RabbitMQ: together they handle each message exactly once.</summary>
public sealed class TailorBusCompetingConsumersTests
{
    private const int MessageCount = 40;

    [Fact]
    public async Task Replicas_of_one_consumer_share_its_queue_and_handle_each_message_exactly_once()
    {
        var rabbitMq = TestInfrastructure.RequireRabbitMq();
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var broker = await RabbitMqBroker.ConnectAsync(rabbitMq, cancellationToken);
        await using var replica1 = await BusHost.StartAsync(
            rabbitMq, cancellationToken, (TestQueuePrefixes.Replicated, bus => bus.AddConsumer<Replicated.UserActivityConsumer>()));
        await using var replica2 = await BusHost.StartAsync(
            rabbitMq, cancellationToken, (TestQueuePrefixes.Replicated, bus => bus.AddConsumer<Replicated.UserActivityConsumer>()));
        var queue = replica1.QueueOf<Replicated.UserActivityConsumer>();
        broker.RemoveWhenDisposed(queue);

        Assert.Equal(queue, replica2.QueueOf<Replicated.UserActivityConsumer>());
        Assert.Equal(2u, (await broker.InspectAsync(queue, cancellationToken))?.ConsumerCount);

        var messages = TestActivities.Views(TestActivities.NewRun(), MessageCount);
        var published = messages.Select(message => message.EventId).ToHashSet();
        foreach (var message in messages)
        {
            await replica1.PublishAsync(message, cancellationToken);
        }

        List<Guid> HandledBy(BusHost replica) =>
            replica.Activities.By<Replicated.UserActivityConsumer>()
                .Select(message => message.EventId)
                .Where(published.Contains)
                .ToList();

        var allHandled = await Polling.WithinAsync(
            () => published.IsSubsetOf(HandledBy(replica1).Concat(HandledBy(replica2))));
        Assert.True(allHandled, "The replicas did not handle every published message in time.");

        // Stopping finishes and acknowledges whatever is in flight, so a late duplicate would show in the counts below.
        await replica1.StopAsync();
        await replica2.StopAsync();

        var handled1 = HandledBy(replica1);
        var handled2 = HandledBy(replica2);
        var timesHandled = handled1.Concat(handled2).CountBy(id => id).ToDictionary();
        Assert.All(published, id => Assert.Equal(1, timesHandled[id]));
        Assert.NotEmpty(handled1);
        Assert.NotEmpty(handled2);
    }
}
