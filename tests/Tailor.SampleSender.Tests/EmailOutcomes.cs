using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Tailor.SampleSender.Diagnostics;

namespace Tailor.SampleSender.Tests;

/// <summary>The outcomes <c>tailor.sender.emails</c> counted in one service provider (sent, duplicate, scheduled, smtp_unavailable, ...).</summary>
internal sealed class EmailOutcomes : IDisposable
{
    private readonly MeterListener _listener;
    private readonly ConcurrentQueue<string> _outcomes = new();

    public EmailOutcomes(IMeterFactory meters)
    {
        _listener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Scope == meters && instrument.Name == SampleSenderMetrics.EmailsInstrument)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        _listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "outcome")
                {
                    _outcomes.Enqueue((string)tag.Value!);
                }
            }
        });
        _listener.Start();
    }

    public IReadOnlyList<string> Counted => [.. _outcomes];

    public void Dispose() => _listener.Dispose();
}
