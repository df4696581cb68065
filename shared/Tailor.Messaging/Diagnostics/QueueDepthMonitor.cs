using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RabbitMQ.Client;

namespace Tailor.Messaging.Diagnostics;

/// <summary>
/// Queue depth and consumers of this process's queues, as observable gauges. A passive queue-declare per queue every
/// <see cref="Interval"/> on one connection of its own: cheap for the broker, and it needs no management plugin.
/// The gauges report the last answer, so a scrape never waits on RabbitMQ.
/// </summary>
public sealed partial class QueueDepthMonitor : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(15);

    private readonly Uri _broker;
    private readonly QueueDepthEndpoints _endpoints;
    private readonly ILogger<QueueDepthMonitor> _logger;
    private readonly ConcurrentDictionary<string, (uint Messages, uint Consumers)> _depths = new(StringComparer.Ordinal);

    public QueueDepthMonitor(Uri broker, QueueDepthEndpoints endpoints, IMeterFactory meterFactory, ILogger<QueueDepthMonitor> logger)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        _broker = broker;
        _endpoints = endpoints;
        _logger = logger;
        var meter = meterFactory.Create(MessagingTelemetry.Name);
        meter.CreateObservableGauge(
            MessagingTelemetry.QueueMessagesName,
            () => Measure(depth => depth.Messages),
            "{message}",
            "Messages ready in each queue this process consumes from: the backlog KEDA scales on.");
        meter.CreateObservableGauge(
            MessagingTelemetry.QueueConsumersName,
            () => Measure(depth => depth.Consumers),
            "{consumer}",
            "Consumers attached to each queue this process consumes from, across all replicas.");
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        IConnection? connection = null;
        try
        {
            do
            {
                try
                {
                    connection ??= await new ConnectionFactory { Uri = _broker, ClientProvidedName = "tailor-queue-depth" }.CreateConnectionAsync(stoppingToken);
                    await PollAsync(connection, stoppingToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    // A broker that is away is the bus's problem to report (health checks); the gauges keep their last values.
                    LogPollFailed(_logger, exception.GetType().Name);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
        finally
        {
            if (connection is not null)
            {
                await connection.DisposeAsync();
            }
        }
    }

    private async Task PollAsync(IConnection connection, CancellationToken cancellationToken)
    {
        foreach (var queue in _endpoints.Queues)
        {
            // A channel per queue: a passive declare of a queue that is gone closes its channel.
            await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
            var answer = await channel.QueueDeclarePassiveAsync(queue, cancellationToken);
            _depths[queue] = (answer.MessageCount, answer.ConsumerCount);
        }
    }

    private IEnumerable<Measurement<long>> Measure(Func<(uint Messages, uint Consumers), uint> value) =>
        _depths.Select(depth => new Measurement<long>(value(depth.Value), new KeyValuePair<string, object?>(MessagingTelemetry.QueueTag, depth.Key)));

    [LoggerMessage(EventId = 9101, Level = LogLevel.Debug, Message = "Could not read queue depths ({ExceptionType}); trying again at the next poll")]
    private static partial void LogPollFailed(ILogger logger, string exceptionType);
}
