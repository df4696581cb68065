using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Tailor.Bench.Load;

/// <summary>
/// MassTransit's <c>messaging.masstransit.consume.duration</c> from every host in the process, summed per queue:
/// how many messages each consumer handled, for how long in all (busy time, concurrent handlers counted each), and
/// when the last one finished.
/// </summary>
internal sealed class ConsumerMeter : IDisposable
{
    private const string Instrument = "messaging.masstransit.consume.duration";
    private const string QueueTag = "messaging.masstransit.destination";
    private const string ConsumerTag = "messaging.masstransit.consumer_type";

    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, ConsumerTotals> _totals = new(StringComparer.Ordinal);
    private long _phaseStart = Stopwatch.GetTimestamp();
    private long _lastActivity = Stopwatch.GetTimestamp();

    public ConsumerMeter()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "MassTransit" && instrument.Name == Instrument)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>((_, milliseconds, tags, _) => Record(milliseconds, tags));
        _listener.Start();
    }

    public void BeginPhase()
    {
        _phaseStart = Stopwatch.GetTimestamp();
        _totals.Clear();
    }

    /// <summary>How long ago any consumer in the process last finished a message.</summary>
    public TimeSpan SinceLastActivity => Stopwatch.GetElapsedTime(Interlocked.Read(ref _lastActivity));

    public IReadOnlyDictionary<string, ConsumerTotals> Totals => new Dictionary<string, ConsumerTotals>(_totals, StringComparer.Ordinal);

    private void Record(double milliseconds, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        string? queue = null;
        string? consumer = null;
        foreach (var tag in tags)
        {
            if (tag.Key == QueueTag)
            {
                queue = tag.Value?.ToString();
            }
            else if (tag.Key == ConsumerTag)
            {
                consumer = tag.Value?.ToString();
            }
        }

        Interlocked.Exchange(ref _lastActivity, Stopwatch.GetTimestamp());
        var key = QueueName(queue) ?? consumer ?? "unknown";
        var at = Stopwatch.GetElapsedTime(_phaseStart).TotalSeconds;
        _totals.AddOrUpdate(
            key,
            _ => new ConsumerTotals(1, milliseconds / 1000, at),
            (_, seen) => new ConsumerTotals(seen.Messages + 1, seen.BusySeconds + milliseconds / 1000, Math.Max(seen.LastAt, at)));
    }

    // The destination may be a full address (rabbitmq://host/vhost/queue); the queue is its last segment.
    private static string? QueueName(string? destination) =>
        destination is null ? null
        : Uri.TryCreate(destination, UriKind.Absolute, out var address) ? address.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries).LastOrDefault()
        : destination;

    public void Dispose() => _listener.Dispose();
}

/// <param name="LastAt">Seconds after the phase began at which the last message was consumed.</param>
internal sealed record ConsumerTotals(long Messages, double BusySeconds, double LastAt);
