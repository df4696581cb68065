using System.Diagnostics.Metrics;

namespace Tailor.SendTime.Diagnostics;

/// <summary>How much evidence SendTime learns from and how often a user's best hour moves.</summary>
public sealed class SendTimeMetrics
{
    private readonly Counter<long> _evidence;
    private readonly Counter<long> _bestHourChanges;

    public SendTimeMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(SendTimeTelemetry.Name);
        _evidence = meter.CreateCounter<long>(
            "tailor.sendtime.evidence", "{event}", "Activities, opens and clicks folded into send-time estimates.");
        _bestHourChanges = meter.CreateCounter<long>(
            "tailor.sendtime.best_hour_changes", "{user}", "Users whose best hour of the week changed (SendTimeUpdated published).");
    }

    public void Learned(int evidence, int bestHourChanges)
    {
        _evidence.Add(evidence);
        _bestHourChanges.Add(bestHourChanges);
    }
}
