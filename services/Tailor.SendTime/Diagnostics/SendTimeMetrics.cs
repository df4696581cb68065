using System.Diagnostics.Metrics;
using Tailor.SendTime.Model;

namespace Tailor.SendTime.Diagnostics;

/// <summary>How much evidence SendTime learns from and how often a user's best hour moves.</summary>
public sealed class SendTimeMetrics
{
    private readonly Counter<long> _evidence;
    private readonly Counter<long> _bestHourChanges;
    private readonly Histogram<double> _openLatency;
    private PriorStrengths? _strengths;

    public SendTimeMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(SendTimeTelemetry.Name);
        _evidence = meter.CreateCounter<long>(
            "tailor.sendtime.evidence", "{event}", "Activities, opens and clicks folded into send-time estimates.");
        _bestHourChanges = meter.CreateCounter<long>(
            "tailor.sendtime.best_hour_changes", "{user}", "Users whose best hour of the week changed (SendTimeUpdated published).");
        _openLatency = meter.CreateHistogram<double>(
            "tailor.sendtime.open_latency", "s", "Time from delivery to a person's open or click, for emails whose delivery was reported.");
        meter.CreateObservableGauge(
            "tailor.sendtime.prior_strength",
            FittedStrengths,
            "{event}",
            "Prior strengths last fitted on data, per level of the hierarchy.");
    }

    public void OpenLatencies(IEnumerable<TimeSpan> latencies)
    {
        ArgumentNullException.ThrowIfNull(latencies);
        foreach (var latency in latencies)
        {
            _openLatency.Record(Math.Max(0, latency.TotalSeconds));
        }
    }

    public void PriorStrengthsFitted(PriorStrengths strengths) => _strengths = strengths;

    private IEnumerable<Measurement<double>> FittedStrengths() =>
        _strengths is { } strengths
            ?
            [
                new(strengths.Cohort, new KeyValuePair<string, object?>("level", "cohort")),
                new(strengths.Day, new KeyValuePair<string, object?>("level", "day")),
                new(strengths.Week, new KeyValuePair<string, object?>("level", "week")),
            ]
            : [];

    public void Learned(int evidence, int bestHourChanges)
    {
        _evidence.Add(evidence);
        _bestHourChanges.Add(bestHourChanges);
    }
}
