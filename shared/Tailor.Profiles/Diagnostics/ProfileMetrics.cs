using System.Diagnostics.Metrics;

namespace Tailor.Profiles.Diagnostics;

/// <summary>How often a profile read finds a profile, and how long after its cause a slice lands in the profile.</summary>
public sealed class ProfileMetrics
{
    private readonly Counter<long> _reads;
    private readonly Histogram<double> _eventToProfile;

    public ProfileMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(ProfileTelemetry.Name);
        _reads = meter.CreateCounter<long>(
            ProfileTelemetry.CacheReadsName, "{read}", "Whole-profile reads, tagged tailor.profile.cache.result=hit or miss: the cache hit ratio.");
        _eventToProfile = meter.CreateHistogram<double>(
            ProfileTelemetry.EventToProfileName,
            "s",
            "Time from sending the message a consumer handled to that consumer's write of a profile slice, by slice.");
    }

    public void Read(bool hit) =>
        _reads.Add(1, new KeyValuePair<string, object?>(ProfileTelemetry.ResultTag, hit ? "hit" : "miss"));

    public void SliceWritten(string slice, TimeSpan sinceCause) =>
        _eventToProfile.Record(Math.Max(0, sinceCause.TotalSeconds), new KeyValuePair<string, object?>(ProfileTelemetry.SliceTag, slice));
}
