using MassTransit;
using Tailor.Contracts;
using Tailor.SendTime.Learning;
using Tailor.Storage;

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

    [Theory]
    // 08:xx UTC is 13:30–14:29 in Kolkata (+05:30): half of an hour's events fell in each local hour.
    [InlineData("Asia/Kolkata", 13, 0.5)]
    // 08:xx UTC is 13:45–14:44 in Kathmandu (+05:45): a quarter in 13:00, three quarters in 14:00.
    [InlineData("Asia/Kathmandu", 13, 0.25)]
    // 08:xx UTC is 04:30–05:29 in St John's (−03:30 in winter, −02:30 in summer: half-hour either way).
    [InlineData("America/St_Johns", 4, 0.5)]
    public async Task Consume_device_zone_with_a_part_hour_offset_splits_each_hours_count_between_the_two_local_hours(
        string zoneId, int earlierHour, double earlierShare)
    {
        await using var host = await SendTimeHarness.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        // Counted on the account's clock (UTC) before the zone came: the events' minutes are not kept.
        await host.Harness.Bus.PublishBatch(TestMessages.Weekly("u-1", weeks: 4, hourUtc: 8), ct);
        await host.WaitForConsumedAsync<UserActivityTracked>(4);
        await host.Harness.Bus.Publish(new DeviceTimeZoneObserved(Guid.NewGuid(), "u-1", TestMessages.Monday.AddDays(28), zoneId), ct);
        await host.WaitForConsumedAsync<DeviceTimeZoneObserved>(1);

        var state = await host.Documents.FindAsync<UserSendTimeState>(SendTimeNames.UsersCollection, "u-1", ct);
        Assert.NotNull(state);
        // Moved by the offset today; St John's is an hour later in summer.
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        var earlier = earlierHour + (zone.IsDaylightSavingTime(DateTimeOffset.UtcNow) ? 1 : 0);
        var weights = state.Counts.Weights;
        Assert.Equal(weights.Sum() * earlierShare, weights[earlier], precision: 9);
        Assert.Equal(weights.Sum() * (1 - earlierShare), weights[earlier + 1], precision: 9);
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
        // The fault's text (logged by MassTransit as R-FAULT) names the field, not the user's setting.
        var fault = (await host.Harness.Published.SelectAsync<Fault<DeviceTimeZoneObserved>>(ct).FirstAsync(ct)).Context.Message;
        Assert.Contains("TimeZone is not a known IANA zone", Assert.Single(fault.Exceptions).Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Mars", Assert.Single(fault.Exceptions).Message, StringComparison.Ordinal);
        var after = (await host.Profiles.ReadAsync("u-1", ct))?.SendTime;
        Assert.Equal((before.TimeZone, before.BestHourOfWeek), (after?.TimeZone, after?.BestHourOfWeek));
        Assert.Equal(3, await host.Events.CountAsync(SendTimeNames.Stream, ct));
    }
}
