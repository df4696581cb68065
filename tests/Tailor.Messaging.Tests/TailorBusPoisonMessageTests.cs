using System.Text;
using MassTransit;
using RabbitMQ.Client;
using Tailor.Contracts;
using Tailor.Testing;

namespace Tailor.Messaging.Tests;

/// <summary>
/// A message its consumer throws on ends in the consumer's <c>_error</c> queue on RabbitMQ with a published
/// <see cref="Fault{T}"/>, and does not hold up the messages around it.
/// </summary>
public sealed class TailorBusPoisonMessageTests
{
    private const int GoodMessageCount = 10;
    private const string ExceptionTypeHeader = "MT-Fault-ExceptionType";

    [Fact]
    public async Task Consume_throwing_message_goes_to_error_queue_with_fault_while_others_are_consumed()
    {
        var rabbitMq = TestInfrastructure.RequireRabbitMq();
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var broker = await RabbitMqBroker.ConnectAsync(rabbitMq, cancellationToken);
        await using var host = await BusHost.StartAsync(
            rabbitMq,
            cancellationToken,
            (TestQueuePrefixes.Validating, bus =>
            {
                bus.AddConsumer<Validating.UserActivityConsumer>();
                bus.AddConsumer<Validating.UserActivityFaultConsumer>();
            }));
        var queue = host.QueueOf<Validating.UserActivityConsumer>();
        broker.RemoveWhenDisposed(queue);
        broker.RemoveWhenDisposed(host.QueueOf<Validating.UserActivityFaultConsumer>());

        var run = TestActivities.NewRun();
        var good = TestActivities.Views(run, GoodMessageCount);
        var poison = TestActivities.Of(run, GoodMessageCount, activity: "not-an-activity-kind");
        foreach (var message in good.Take(GoodMessageCount / 2).Append(poison).Concat(good.Skip(GoodMessageCount / 2)))
        {
            await host.PublishAsync(message, cancellationToken);
        }

        var goodIds = good.Select(message => message.EventId).ToHashSet();
        List<Guid> Consumed() =>
            host.Activities.By<Validating.UserActivityConsumer>().Select(message => message.EventId).ToList();
        List<Fault<UserActivityTracked>> OurFaults() =>
            host.Faults.By<Validating.UserActivityFaultConsumer>()
                .Where(fault => fault.Message.Properties.GetValueOrDefault("run") == run)
                .ToList();

        var settled = await Polling.WithinAsync(
            () => goodIds.IsSubsetOf(Consumed()) && OurFaults().Count > 0);
        Assert.True(settled, "The good messages were not all consumed, or no fault was published, in time.");

        var fault = Assert.Single(OurFaults());
        Assert.Equal(poison.EventId, fault.Message.EventId);
        Assert.Equal(typeof(InvalidDataException).FullName, Assert.Single(fault.Exceptions).ExceptionType);
        Assert.DoesNotContain(poison.EventId, Consumed());
        Assert.Equal(GoodMessageCount, Consumed().Count(goodIds.Contains));

        BasicGetResult? deadLetter = null;
        var movedToErrorQueue = await Polling.WithinAsync(
            async () => (deadLetter = await broker.TakeEventAsync($"{queue}_error", poison.EventId, cancellationToken)) is not null);
        Assert.True(movedToErrorQueue, $"The poison message did not reach {queue}_error in time.");
        var exceptionType = deadLetter!.BasicProperties.Headers?[ExceptionTypeHeader] as byte[];
        Assert.Equal(typeof(InvalidDataException).FullName, exceptionType is null ? null : Encoding.UTF8.GetString(exceptionType));
    }
}
