using System.Diagnostics.Metrics;

namespace Tailor.SampleSender.Diagnostics;

/// <summary>What happened to each email: sent, skipped as already sent, parked, refused, not deliverable yet, or failed otherwise.</summary>
public sealed class SampleSenderMetrics
{
    /// <summary>The meter's name (exported with every <c>Tailor.*</c> meter).</summary>
    public const string MeterName = "Tailor.SampleSender";

    public const string EmailsInstrument = "tailor.sender.emails";

    private readonly Counter<long> _emails;
    private readonly Histogram<double> _lateness;

    public SampleSenderMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _emails = meter.CreateCounter<long>(
            EmailsInstrument, "{email}",
            "Emails by outcome: sent, duplicate (sent before), scheduled (parked until SendAt), smtp_unavailable (an attempt failed, retried), " +
            "rejected (5xx, faulted), outage_parked, failed (an attempt failed otherwise, such as a refused setting or a bug: retried, then faulted).");
        _lateness = meter.CreateHistogram<double>(
            "tailor.sender.lateness", "s", "How long after its SendAt an email was accepted by the SMTP server.");
    }

    public void Sent(TimeSpan lateness)
    {
        Count("sent");
        _lateness.Record(Math.Max(0, lateness.TotalSeconds));
    }

    public void Duplicate() => Count("duplicate");

    public void Scheduled() => Count("scheduled");

    public void Unavailable() => Count("smtp_unavailable");

    public void OutageParked() => Count("outage_parked");

    public void Rejected() => Count("rejected");

    public void Failed() => Count("failed");

    private void Count(string outcome) => _emails.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
}
