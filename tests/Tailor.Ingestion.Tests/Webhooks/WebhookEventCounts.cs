using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace Tailor.Ingestion.Tests.Webhooks;

/// <summary>Listens to one app's <c>tailor.ingestion.webhook.events</c> counter and sums it by outcome.</summary>
internal sealed class WebhookEventCounts : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly Dictionary<string, long> _byOutcome = [];

    public WebhookEventCounts(IngestionApp app)
    {
        // Only this app's meter: other tests run apps of their own in parallel.
        var meterFactory = app.Services.GetRequiredService<IMeterFactory>();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Scope == meterFactory && instrument.Name == "tailor.ingestion.webhook.events")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "outcome")
                {
                    lock (_byOutcome)
                    {
                        _byOutcome[(string)tag.Value!] = this[(string)tag.Value!] + value;
                    }
                }
            }
        });
        _listener.Start();
    }

    public long this[string outcome]
    {
        get
        {
            lock (_byOutcome)
            {
                return _byOutcome.GetValueOrDefault(outcome);
            }
        }
    }

    public void Dispose() => _listener.Dispose();
}
