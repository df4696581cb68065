using System.Diagnostics.Metrics;

namespace Tailor.Profiles.Diagnostics;

/// <summary>
/// How often a profile read finds a profile, how long after its cause a slice lands in the profile, and the slice
/// writes kept in the store during a Redis outage, and the slices written again after the cache lost them.
/// </summary>
public sealed class ProfileMetrics
{
    private readonly Counter<long> _reads;
    private readonly Histogram<double> _eventToProfile;
    private readonly Counter<long> _deferred;
    private readonly Counter<long> _flushed;
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
        _deferred = meter.CreateCounter<long>(
            ProfileTelemetry.DeferredWritesName, "{slice}", "Slice writes kept in the service's store because Redis was unreachable.");
        _flushed = meter.CreateCounter<long>(
            ProfileTelemetry.FlushedWritesName, "{slice}", "Deferred slice writes written to Redis once it was back.");
        _rebuilt = meter.CreateCounter<long>(
            ProfileTelemetry.RebuiltSlicesName, "{slice}", "Slices written again from a service's store because the profile cache had lost them, by slice.");
    }

    public void Read(bool hit) =>
        _reads.Add(1, new KeyValuePair<string, object?>(ProfileTelemetry.ResultTag, hit ? "hit" : "miss"));

    public void SliceWritten(string slice, TimeSpan sinceCause) =>
        _eventToProfile.Record(Math.Max(0, sinceCause.TotalSeconds), new KeyValuePair<string, object?>(ProfileTelemetry.SliceTag, slice));

    public void SliceDeferred() => _deferred.Add(1);

    public void DeferredSlicesFlushed(int count) => _flushed.Add(count);

    public void SlicesRebuilt(string slice, int count) =>
        _rebuilt.Add(count, new KeyValuePair<string, object?>(ProfileTelemetry.SliceTag, slice));
}
