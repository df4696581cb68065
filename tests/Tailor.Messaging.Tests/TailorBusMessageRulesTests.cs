using System.Text;
using MassTransit;
using RabbitMQ.Client;
using Tailor.Contracts;
using Tailor.Testing;

namespace Tailor.Messaging.Tests;

/// <summary>
/// On RabbitMQ, a message published straight onto the bus that breaks <c>MessageRules</c> ends in its consumer's
/// <c>_error</c> queue with a <see cref="Fault{T}"/> saying why, without reaching the consumer, and the good messages
/// beside it are consumed: for a consumer of single messages and for a batch consumer alike.
/// </summary>
public sealed class TailorBusMessageRulesTests
{
    private const string ExceptionTypeHeader = "MT-Fault-ExceptionType";
    private const string ExceptionMessageHeader = "MT-Fault-Message";
    private const string ContentType = "application/vnd.masstransit+json";
    private static readonly DateTimeOffset Year9999 = new(9999, 12, 31, 0, 0, 0, TimeSpan.Zero);
    private static readonly Guid BadEventId = Guid.Parse("3f2504e0-4f89-11d3-9a0c-0305e82c3301");

    [Fact]
    public async Task An_activity_dated_9999_goes_to_the_error_queue_with_why_and_the_one_beside_it_is_consumed()
    {
        var good = TestActivities.Of(TestActivities.NewRun(), 0, ActivityKinds.View);
        var future = TestActivities.Of(good.Properties["run"], 1, ActivityKinds.View) with { OccurredAt = Year9999 };

        var (consumed, fault, deadLetter) = await RunAsync<ServiceA.UserActivityConsumer, Ruled.UserActivityConsumerDefinition>(
            [good], future.EventId, (host, _, cancellationToken) => PublishAllAsync(host, [good, future], cancellationToken));

        Assert.Equal([good.EventId], consumed);
        Assert.Equal(future.EventId, fault!.Message.EventId);
        var exception = Assert.Single(fault.Exceptions);
        Assert.Equal(typeof(InvalidMessageException).FullName, exception.ExceptionType);
        Assert.Contains("OccurredAt: 9999-12-31T00:00:00.0000000+00:00 is more than 1 day ahead of this server's clock", exception.Message, StringComparison.Ordinal);
        Assert.Equal(typeof(InvalidMessageException).FullName, Header(deadLetter, ExceptionTypeHeader));
        Assert.Contains(future.EventId.ToString(), Header(deadLetter, ExceptionMessageHeader), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_purchase_without_its_item_in_a_batch_goes_to_the_error_queue_and_the_rest_of_the_batch_is_consumed()
    {
        var run = TestActivities.NewRun();
        var first = TestActivities.Of(run, 0, ActivityKinds.Purchase);
        var noItem = TestActivities.Of(run, 1, ActivityKinds.Purchase) with { ItemId = null };
        var last = TestActivities.Of(run, 2, ActivityKinds.Purchase);

        var (consumed, fault, deadLetter) = await RunAsync<Ruled.UserActivityBatchConsumer, Ruled.UserActivityBatchConsumerDefinition>(
            [first, last], noItem.EventId, (host, _, cancellationToken) => PublishAllAsync(host, [first, noItem, last], cancellationToken));

        Assert.Equal(new[] { first.EventId, last.EventId }.Order(), consumed.Order());
        Assert.Equal(noItem.EventId, fault!.Message.EventId);
        Assert.Contains($"{noItem.EventId}: ItemId: A purchase must name its item.", Assert.Single(fault.Exceptions).Message, StringComparison.Ordinal);
        Assert.Equal(typeof(InvalidMessageException).FullName, Header(deadLetter, ExceptionTypeHeader));
    }

    /// <summary>
    /// MassTransit's own serializer cannot write an infinite number, but a publisher writing its own JSON can send
    /// <c>1e400</c>, which reads as infinity: a purchase weighing infinitely much would turn the next model into NaN.
    /// Nor can such a message travel in a Fault; it goes to the error queue all the same, its headers saying why.
    /// </summary>
    [Fact]
    public async Task A_quantity_of_1e400_from_a_publisher_writing_its_own_json_goes_to_the_error_queue()
    {
        var good = TestActivities.Of(TestActivities.NewRun(), 0, ActivityKinds.Purchase);
        var infinite = Guid.NewGuid();
        var envelope = $$"""
            {"messageId":"{{Guid.NewGuid()}}","messageType":["urn:message:Tailor.Contracts:UserActivityTracked"],
             "message":{"eventId":"{{infinite}}","userId":"{{good.UserId}}","occurredAt":"{{good.OccurredAt:O}}","activity":"purchase",
                        "itemId":"85123A","itemName":null,"quantity":1e400,"price":2.55,"text":null,"properties":{} } }
            """;

        var (consumed, fault, deadLetter) = await RunAsync<ServiceA.UserActivityConsumer, Ruled.UserActivityConsumerDefinition>(
            [good],
            infinite,
            async (host, broker, cancellationToken) =>
            {
                await host.PublishAsync(good, cancellationToken);
                await broker.PublishAsync("Tailor.Contracts:UserActivityTracked", "application/vnd.masstransit+json", Encoding.UTF8.GetBytes(envelope), cancellationToken);
            },
            faulted: false);

        Assert.Equal([good.EventId], consumed);
        Assert.Null(fault);
        Assert.Equal(typeof(InvalidMessageException).FullName, Header(deadLetter, ExceptionTypeHeader));
        Assert.Contains($"{infinite}: Quantity: Is Infinity; must be a finite number", Header(deadLetter, ExceptionMessageHeader), StringComparison.Ordinal);
    }

    /// <summary>
    /// Bodies a publisher writing its own JSON may get wrong, ahead of a good message: none reaches the consumer, none is
    /// retried or blocks the good message behind it, and each ends in a queue an operator reads (<c>_error</c> with the
    /// reason in its headers, or <c>_skipped</c> for a message of a type the endpoint has no consumer for). In this class
    /// so that no other test's refused message reaches this ruled endpoint and publishes a second fault.
    /// </summary>
    public static TheoryData<string, string, string> Bodies => new()
    {
        { "not JSON", "this is not json {", "_error" },
        { "JSON that is not an envelope", """{"eventId":"3f2504e0-4f89-11d3-9a0c-0305e82c3301"}""", "_error" },
        { "an envelope without its message", """{"messageId":"3f2504e0-4f89-11d3-9a0c-0305e82c3301","messageType":["urn:message:Tailor.Contracts:UserActivityTracked"]}""", "_error" },
        { "an envelope whose message is null", """{"messageId":"3f2504e0-4f89-11d3-9a0c-0305e82c3301","messageType":["urn:message:Tailor.Contracts:UserActivityTracked"],"message":null}""", "_error" },
        { "a message of another type", """{"messageId":"3f2504e0-4f89-11d3-9a0c-0305e82c3301","messageType":["urn:message:Tailor.Contracts:Nothing"],"message":{"eventId":"3f2504e0-4f89-11d3-9a0c-0305e82c3301"}}""", "_skipped" },
        { "an impossible date", """{"messageId":"3f2504e0-4f89-11d3-9a0c-0305e82c3301","messageType":["urn:message:Tailor.Contracts:UserActivityTracked"],"message":{"eventId":"3f2504e0-4f89-11d3-9a0c-0305e82c3301","userId":"u1","occurredAt":"2026-02-30T00:00:00Z","activity":"view","quantity":1,"properties":{}}}""", "_error" },
        { "a property whose value is null", """{"messageId":"3f2504e0-4f89-11d3-9a0c-0305e82c3301","messageType":["urn:message:Tailor.Contracts:UserActivityTracked"],"message":{"eventId":"3f2504e0-4f89-11d3-9a0c-0305e82c3301","userId":"u1","occurredAt":"2026-01-01T00:00:00Z","activity":"view","quantity":1,"properties":{"a":null}}}""", "_error" },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task A_body_that_is_no_usable_message_never_reaches_the_consumer_nor_blocks_the_one_behind_it(string because, string body, string endsIn)
    {
        Assert.NotEmpty(because);
        var rabbitMq = TestInfrastructure.RequireRabbitMq();
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var broker = await RabbitMqBroker.ConnectAsync(rabbitMq, cancellationToken);
        await using var host = await BusHost.StartAsync(
            rabbitMq, cancellationToken, (TestQueuePrefixes.Ruled, bus => { bus.AddConsumer<ServiceA.UserActivityConsumer, Ruled.UserActivityConsumerDefinition>(); }));
        var queue = host.QueueOf<ServiceA.UserActivityConsumer>();
        broker.RemoveWhenDisposed(queue);
        var good = TestActivities.Of(TestActivities.NewRun(), 0, ActivityKinds.View);

        // To the endpoint's own exchange, not the message type's, which every other test's queue of this type is bound to.
        await broker.PublishAsync(queue, ContentType, Encoding.UTF8.GetBytes(body), cancellationToken);
        await host.PublishAsync(good, cancellationToken);

        Assert.True(await Polling.WithinAsync(() => host.Activities.By<ServiceA.UserActivityConsumer>().Any(message => message.EventId == good.EventId)));
        BasicGetResult? set = null;
        Assert.True(
            await Polling.WithinAsync(async () => (set = await broker.TakeAsync($"{queue}{endsIn}", cancellationToken)) is not null),
            $"The body did not reach {queue}{endsIn} in time.");
        Assert.Equal(body, Encoding.UTF8.GetString(set!.Body.Span));
        Assert.DoesNotContain(host.Activities.By<ServiceA.UserActivityConsumer>(), message => message.EventId == BadEventId);
        if (endsIn == "_error")
        {
            Assert.False(string.IsNullOrWhiteSpace(Header(set, ExceptionMessageHeader)));
        }
    }

    private static async Task PublishAllAsync(BusHost host, IEnumerable<UserActivityTracked> messages, CancellationToken cancellationToken)
    {
        foreach (var message in messages)
        {
            await host.PublishAsync(message, cancellationToken);
        }
    }

    /// <summary>Starts <typeparamref name="TConsumer"/> on a fresh queue and publishes; the message <paramref name="refused"/> must be refused.</summary>
    /// <param name="faulted">Whether a Fault of the refused message is to be published (one it can carry).</param>
    /// <returns>The good event ids consumed, the refused message's fault, and the refused message as it lies in the error queue.</returns>
    private static async Task<(List<Guid> Consumed, Fault<UserActivityTracked>? Fault, BasicGetResult DeadLetter)> RunAsync<TConsumer, TDefinition>(
        IReadOnlyList<UserActivityTracked> good, Guid refused, Func<BusHost, RabbitMqBroker, CancellationToken, Task> publish, bool faulted = true)
        where TConsumer : class, IConsumer
        where TDefinition : class, IConsumerDefinition<TConsumer>
    {
        var rabbitMq = TestInfrastructure.RequireRabbitMq();
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var broker = await RabbitMqBroker.ConnectAsync(rabbitMq, cancellationToken);
        await using var host = await BusHost.StartAsync(
            rabbitMq,
            cancellationToken,
            (TestQueuePrefixes.Ruled, bus =>
            {
                bus.AddConsumer<TConsumer, TDefinition>();
                bus.AddConsumer<Validating.UserActivityFaultConsumer>();
            }));
        var queue = host.QueueOf<TConsumer>();
        broker.RemoveWhenDisposed(queue);
        broker.RemoveWhenDisposed(host.QueueOf<Validating.UserActivityFaultConsumer>());

        await publish(host, broker, cancellationToken);

        var expected = good.Select(message => message.EventId).ToHashSet();
        List<Guid> Consumed() => [.. host.Activities.By<TConsumer>().Select(message => message.EventId).Where(id => expected.Contains(id) || id == refused)];
        List<Fault<UserActivityTracked>> Faults() => [.. host.Faults.By<Validating.UserActivityFaultConsumer>().Where(fault => fault.Message.EventId == refused)];
        Assert.True(
            await Polling.WithinAsync(() => Consumed().Count == good.Count && (Faults().Count > 0 || !faulted)),
            "The good messages were not all consumed, or the refused one's fault was not published, in time.");

        BasicGetResult? deadLetter = null;
        Assert.True(
            await Polling.WithinAsync(async () => (deadLetter = await broker.TakeEventAsync($"{queue}_error", refused, cancellationToken)) is not null),
            $"The refused message did not reach {queue}_error in time.");
        if (!faulted)
        {
            Assert.Empty(Faults());
            return (Consumed(), null, deadLetter!);
        }

        return (Consumed(), Assert.Single(Faults()), deadLetter!);
    }

    private static string? Header(BasicGetResult message, string name) =>
        message.BasicProperties.Headers?[name] is byte[] value ? Encoding.UTF8.GetString(value) : null;
}
