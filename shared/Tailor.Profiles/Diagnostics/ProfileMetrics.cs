using System.Diagnostics.Metrics;

namespace Tailor.Profiles.Diagnostics;

/// <summary>
/// How often a profile read finds a profile, how long after its cause a slice lands in the profile, the slice writes
/// Redis could not take, and the slices written again from a store after the cache lost them or failed to take them.
/// </summary>
public sealed class ProfileMetrics
{
    private readonly Counter<long> _reads;
    private readonly Histogram<double> _eventToProfile;
    private readonly Counter<long> _failed;
    private readonly Counter<long> _rebuilt;

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
        _failed = meter.CreateCounter<long>(
            ProfileTelemetry.FailedWritesName,
            "{slice}",
            "Slice writes Redis could not take, by slice; the slice is rebuilt from the owning service's store once Redis answers.");
        _rebuilt = meter.CreateCounter<long>(
            ProfileTelemetry.RebuiltSlicesName, "{slice}", "Slices written again from a service's store because the profile cache had lost them or failed to take them, by slice.");
    }

    public void Read(bool hit) =>
        _reads.Add(1, new KeyValuePair<string, object?>(ProfileTelemetry.ResultTag, hit ? "hit" : "miss"));

    public void SliceWritten(string slice, TimeSpan sinceCause) =>
        _eventToProfile.Record(Math.Max(0, sinceCause.TotalSeconds), new KeyValuePair<string, object?>(ProfileTelemetry.SliceTag, slice));

    public void SliceWriteFailed(string slice) =>
        _failed.Add(1, new KeyValuePair<string, object?>(ProfileTelemetry.SliceTag, slice));

    public void SlicesRebuilt(string slice, int count) =>
        _rebuilt.Add(count, new KeyValuePair<string, object?>(ProfileTelemetry.SliceTag, slice));
}
