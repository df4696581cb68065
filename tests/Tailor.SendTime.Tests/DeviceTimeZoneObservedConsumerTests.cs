using MassTransit;
using Tailor.Contracts;

namespace Tailor.SendTime.Tests;

/// <summary>A device's time zone moves the user's hours to that clock, once per event; an unknown zone is refused.</summary>
public sealed class DeviceTimeZoneObservedConsumerTests
{
    [Fact]
    public async Task Consume_device_zone_moves_the_users_counts_to_that_clock_once()
    {
        await using var host = await SendTimeHarness.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        // Enough weekly events at 08:00 UTC that the user outweighs the population.
        await host.Harness.Bus.PublishBatch(TestMessages.Weekly("u-1", weeks: 10, hourUtc: 8), ct);
        await host.WaitForConsumedAsync<UserActivityTracked>(10);
        var observed = new DeviceTimeZoneObserved(Guid.NewGuid(), "u-1", TestMessages.Monday.AddDays(70), "Asia/Tokyo");

        await host.Harness.Bus.Publish(observed, ct);
        await host.Harness.Bus.Publish(observed, ct);
        await host.WaitForConsumedAsync<DeviceTimeZoneObserved>(2);

        // Tokyo keeps no daylight saving: 08:00 UTC is 17:00 there.
        var slice = (await host.Profiles.ReadAsync("u-1", ct))?.SendTime;
        Assert.Equal(("Asia/Tokyo", 17), (slice?.TimeZone, slice?.BestHourOfWeek));
        Assert.Single(host.Published<SendTimeUpdated>(), update => update.TimeZone == "Asia/Tokyo" && update.BestHourOfWeek == 17);
        Assert.Equal(11, await host.Events.CountAsync(SendTimeNames.Stream, ct));
        Assert.False(await host.FaultPublishedAsync<DeviceTimeZoneObserved>());
    }

    [Fact]
    public async Task Consume_unknown_zone_faults_and_leaves_the_user_on_their_clock()
    {
        await using var host = await SendTimeHarness.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        await host.Harness.Bus.PublishBatch(TestMessages.Weekly("u-1", weeks: 3, hourUtc: 8), ct);
        await host.WaitForConsumedAsync<UserActivityTracked>(3);
        var before = (await host.Profiles.ReadAsync("u-1", ct))?.SendTime;
        Assert.NotNull(before);

        await host.Harness.Bus.Publish(new DeviceTimeZoneObserved(Guid.NewGuid(), "u-1", TestMessages.Monday.AddDays(21), "Mars/Olympus_Mons"), ct);
        await host.WaitForConsumedAsync<DeviceTimeZoneObserved>(1);

        Assert.True(await host.FaultPublishedAsync<DeviceTimeZoneObserved>());
        var after = (await host.Profiles.ReadAsync("u-1", ct))?.SendTime;
        Assert.Equal((before.TimeZone, before.BestHourOfWeek), (after?.TimeZone, after?.BestHourOfWeek));
        Assert.Equal(3, await host.Events.CountAsync(SendTimeNames.Stream, ct));
    }
}
