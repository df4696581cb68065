using System.Diagnostics.Metrics;

namespace Tailor.Profiles.Redis;

/// <summary>What the profile cache did during Redis outages (meter <c>Tailor.Profiles</c>).</summary>
internal static class ProfileCacheMetrics
{
    private static readonly Meter Meter = new("Tailor.Profiles");

    public static readonly Counter<long> Deferred = Meter.CreateCounter<long>(
        "tailor.profile.cache.deferred_writes", "{slice}", "Slice writes kept in the service's store because Redis was unreachable.");

    public static readonly Counter<long> Flushed = Meter.CreateCounter<long>(
        "tailor.profile.cache.flushed_writes", "{slice}", "Deferred slice writes written to Redis once it was back.");
}
