using System.Diagnostics.Metrics;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using RabbitMQ.Client;
using Tailor.Messaging.Diagnostics;
using Tailor.Testing;

namespace Tailor.Messaging.Tests.Diagnostics;

/// <summary>The queue-depth gauges read a real RabbitMQ queue: its ready messages and its consumers.</summary>
public sealed class QueueDepthMonitorTests
{
    [Fact]
    public async Task Gauges_report_the_ready_messages_and_consumers_of_each_queue_the_process_consumes_from()
    {
        var rabbitMq = TestInfrastructure.RequireRabbitMq();
        var ct = TestContext.Current.CancellationToken;
        var queue = $"tailor-queue-depth-test-{Guid.NewGuid():N}";
        await using var broker = await RabbitMqBroker.ConnectAsync(rabbitMq, ct);
        broker.RemoveWhenDisposed(queue);
        await PublishToNewQueueAsync(rabbitMq, queue, messages: 7, ct);

        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var meters = services.GetRequiredService<IMeterFactory>();
        using var depth = new MetricCollector<long>(meters, MessagingTelemetry.Name, MessagingTelemetry.QueueMessagesName);
        using var consumers = new MetricCollector<long>(meters, MessagingTelemetry.Name, MessagingTelemetry.QueueConsumersName);
        var endpoints = new QueueDepthEndpoints();
        await endpoints.Ready(new EndpointReady(new Uri($"rabbitmq://localhost/tailor-test/{queue}?bind=true")));
        using var monitor = new QueueDepthMonitor(new Uri(rabbitMq), endpoints, meters, NullLogger<QueueDepthMonitor>.Instance);

        await monitor.StartAsync(ct);
        var reported = await Polling.WithinAsync(() => Reading(depth, queue) == 7);
        await monitor.StopAsync(ct);

        Assert.True(reported, $"The gauge never reported 7 messages in {queue}; last reading {Reading(depth, queue)}.");
        Assert.Equal(0, Reading(consumers, queue));
        Assert.Equal([queue], endpoints.Queues);
    }

    // The gauges report the last poll: record them now and read this queue's value.
    private static long? Reading(MetricCollector<long> collector, string queue)
    {
        collector.RecordObservableInstruments();
        return collector.GetMeasurementSnapshot()
            .LastOrDefault(measurement => Equals(measurement.Tags[MessagingTelemetry.QueueTag], queue))?.Value;
    }

    private static async Task PublishToNewQueueAsync(string rabbitMq, string queue, int messages, CancellationToken ct)
    {
        var factory = new ConnectionFactory { Uri = new Uri(rabbitMq) };
        await using var connection = await factory.CreateConnectionAsync(ct);
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), ct);
        await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false, cancellationToken: ct);
        for (var message = 0; message < messages; message++)
        {
            await channel.BasicPublishAsync(string.Empty, queue, "{}"u8.ToArray(), ct);
        }
    }

    // What MassTransit tells its observers when a receive endpoint is up; the monitor reads only the address.
    private sealed record EndpointReady(Uri InputAddress) : ReceiveEndpointReady
    {
        public bool IsStarted => true;

        public IReceiveEndpoint ReceiveEndpoint => throw new NotSupportedException("Not needed: the monitor reads the input address.");
    }
}
