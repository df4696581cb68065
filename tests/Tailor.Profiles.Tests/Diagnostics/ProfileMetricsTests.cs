using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Time.Testing;
using Tailor.Messaging.Diagnostics;
using Tailor.Profiles.Diagnostics;
using Tailor.Profiles.InMemory;

namespace Tailor.Profiles.Tests.Diagnostics;

/// <summary>The profile cache's metrics, measured on the in-process cache through the same wrapper every host uses.</summary>
public sealed class ProfileMetricsTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_read_counts_as_a_miss_until_the_user_has_a_slice_and_as_a_hit_after()
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var meters = services.GetRequiredService<IMeterFactory>();
        using var reads = new MetricCollector<long>(meters, ProfileTelemetry.Name, ProfileTelemetry.CacheReadsName);
        var cache = new InstrumentedProfileCache(new InMemoryProfileCache(), "memory", new ProfileMetrics(meters), new FakeTimeProvider(Now));
        var ct = TestContext.Current.CancellationToken;

        await cache.ReadAsync("ada", ct);
        await cache.WriteSliceAsync("ada", Interests(), ct);
        await cache.ReadAsync("ada", ct);

        Assert.Equal(["miss", "hit"], reads.GetMeasurementSnapshot().Select(m => m.Tags[ProfileTelemetry.ResultTag]?.ToString()));
    }

    [Fact]
    public async Task A_batched_read_counts_each_user_as_a_hit_or_a_miss()
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var meters = services.GetRequiredService<IMeterFactory>();
        using var reads = new MetricCollector<long>(meters, ProfileTelemetry.Name, ProfileTelemetry.CacheReadsName);
        var cache = new InstrumentedProfileCache(new InMemoryProfileCache(), "memory", new ProfileMetrics(meters), new FakeTimeProvider(Now));
        var ct = TestContext.Current.CancellationToken;
        await cache.WriteSliceAsync("ada", Interests(), ct);

        await cache.ReadManyAsync(["grace", "ada", "grace"], cancellationToken: ct);

        Assert.Equal(["miss", "hit", "miss"], reads.GetMeasurementSnapshot().Select(m => m.Tags[ProfileTelemetry.ResultTag]?.ToString()));
    }

    [Fact]
    public async Task A_slice_written_while_handling_a_message_records_the_time_since_it_was_sent()
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var meters = services.GetRequiredService<IMeterFactory>();
        using var latency = new MetricCollector<double>(meters, ProfileTelemetry.Name, ProfileTelemetry.EventToProfileName);
        var cache = new InstrumentedProfileCache(new InMemoryProfileCache(), "memory", new ProfileMetrics(meters), new FakeTimeProvider(Now));
        var ct = TestContext.Current.CancellationToken;

        await WriteOutsideAnyMessageAsync(cache, ct);
        await WriteWhileHandlingAsync(cache, Now.AddSeconds(-2.5), ct);

        var measurement = Assert.Single(latency.GetMeasurementSnapshot());
        Assert.Equal(2.5, measurement.Value, precision: 6);
        Assert.Equal(InterestsSlice.SliceName, measurement.Tags[ProfileTelemetry.SliceTag]);
    }

    // Each in its own async flow, as each consume is: the cause set in one does not leak into the other.
    private static Task WriteOutsideAnyMessageAsync(IProfileCache cache, CancellationToken ct) =>
        cache.WriteSliceAsync("ada", Interests(), ct);

    private static async Task WriteWhileHandlingAsync(IProfileCache cache, DateTimeOffset sentAt, CancellationToken ct)
    {
        ProfileWriteCause.Set(sentAt);
        await cache.WriteSliceAsync("ada", Interests(), ct);
    }

    private static InterestsSlice Interests() => new("all-MiniLM-L6-v2", "1", [0.6f, 0.8f], 1, Now);
}
