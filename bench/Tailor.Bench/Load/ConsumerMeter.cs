using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Tailor.Bench.Load;

/// <summary>
/// MassTransit's meter, from every host in the process, per queue: messages consumed and when the last one finished
/// (<c>messaging.masstransit.consume.duration</c>), and how long messages waited between their send and their
/// consumption (<c>messaging.masstransit.delivery.duration</c>, the consumer lag): a queue whose consumer cannot keep
/// up shows a lag that grows with the run.
/// </summary>
internal sealed class ConsumerMeter : IDisposable
{
    private const string ConsumeDuration = "messaging.masstransit.consume.duration";
    private const string DeliveryDuration = "messaging.masstransit.delivery.duration";
    private const string QueueTag = "messaging.masstransit.destination";

    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, ConsumerTotals> _totals = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _queues = new(StringComparer.Ordinal);
    private long _phaseStart = Stopwatch.GetTimestamp();
    private long _lastActivity = Stopwatch.GetTimestamp();

    public ConsumerMeter()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            // All of MassTransit's: it records a duration only while its counter of the same operation is listened to too.
            if (instrument.Meter.Name == "MassTransit")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>((instrument, milliseconds, tags, _) =>
        {
            if (instrument.Name is ConsumeDuration or DeliveryDuration)
            {
                Record(instrument.Name == ConsumeDuration, milliseconds, tags);
            }
        });
        _listener.Start();
    }

    public void BeginPhase()
    {
        _phaseStart = Stopwatch.GetTimestamp();
        _totals.Clear();
    }

    /// <summary>How long ago any consumer in the process last finished a message.</summary>
    public TimeSpan SinceLastActivity => Stopwatch.GetElapsedTime(Interlocked.Read(ref _lastActivity));

    /// <summary>Every Tailor service queue a message was consumed from so far, whatever the phase.</summary>
    public IReadOnlyCollection<string> ServiceQueues => [.. _queues.Keys];

    public IReadOnlyDictionary<string, ConsumerTotals> Totals => new Dictionary<string, ConsumerTotals>(_totals, StringComparer.Ordinal);

    private void Record(bool consumed, double milliseconds, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        string? queue = null;
        foreach (var tag in tags)
        {
            if (tag.Key == QueueTag)
            {
                queue = tag.Value?.ToString();
            }
        }

        if (queue is null)
        {
            return;
        }

        if (queue.StartsWith("tailor-", StringComparison.Ordinal))
        {
            _queues.TryAdd(queue, 0);
        }

        var at = Stopwatch.GetElapsedTime(_phaseStart).TotalSeconds;
        if (consumed)
        {
            Interlocked.Exchange(ref _lastActivity, Stopwatch.GetTimestamp());
            _totals.AddOrUpdate(queue, _ => new ConsumerTotals(1, 0, 0, at), (_, seen) => seen with { Messages = seen.Messages + 1, LastAt = Math.Max(seen.LastAt, at) });
        }
        else
        {
            var lag = milliseconds / 1000;
            _totals.AddOrUpdate(
                queue,
                _ => new ConsumerTotals(0, lag, lag, 0),
                (_, seen) => seen with { LagSeconds = seen.LagSeconds + lag, MaxLagSeconds = Math.Max(seen.MaxLagSeconds, lag) });
        }
    }

    public void Dispose() => _listener.Dispose();
}

/// <param name="LagSeconds">Send-to-consume lag summed over the messages (divide by <see cref="Messages"/> for the mean).</param>
/// <param name="LastAt">Seconds after the phase began at which the last message was consumed.</param>
internal sealed record ConsumerTotals(long Messages, double LagSeconds, double MaxLagSeconds, double LastAt)
{
    public double MeanLagSeconds => Messages == 0 ? 0 : LagSeconds / Messages;
}
