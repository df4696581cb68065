using MassTransit;
using Tailor.Contracts;
using Tailor.SendTime.Learning;
using Tailor.SendTime.Model;
using Tailor.Storage;

namespace Tailor.SendTime.Tests;

/// <summary>Hours counted on each user's clock, countries as cohorts, open latency, and prior strengths fitted by training.</summary>
public sealed class SendTimeClockAndLatencyTests
{
    [Fact]
    public async Task Consume_activity_of_a_user_in_tokyo_is_counted_on_their_clock()
    {
        await using var host = await SendTimeHarness.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        await host.Harness.Bus.Publish(TestMessages.Identified("u-1", "Asia/Tokyo", "Japan"), ct);
        await host.WaitForConsumedAsync<UserIdentified>(1);

        // 01:00 UTC on Monday is 10:00 in Tokyo; one a week, so each is an occurrence of its own.
        await host.Harness.Bus.PublishBatch(TestMessages.Weekly("u-1", weeks: 3, hourUtc: 1), ct);
        await host.WaitForConsumedAsync<UserActivityTracked>(3);

        var slice = (await host.Profiles.ReadAsync("u-1", ct))?.SendTime;
        Assert.Equal(10, slice?.BestHourOfWeek);
        Assert.Equal("Asia/Tokyo", slice?.TimeZone);
        Assert.True(slice?.Concentration > 3);
        var update = Assert.Single(host.Published<SendTimeUpdated>());
        Assert.Equal(("Asia/Tokyo", 10), (update.TimeZone, update.BestHourOfWeek));
        var cohort = await host.Documents.FindAsync<HourOfWeekCounts>(SendTimeNames.CohortsCollection, "JAPAN", ct);
        Assert.Equal(3, cohort?.Events);
    }

    /// <summary>
    /// Segment's identify sends what changed, and a trait stays the user's until changed: a later call naming only the
    /// country (Australia's is Sydney's zone) must not move an Adelaide user half an hour, and back at the next trait.
    /// </summary>
    [Fact]
    public async Task Consume_identity_naming_only_a_country_keeps_the_zone_the_user_named()
    {
        await using var host = await SendTimeHarness.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        await host.Harness.Bus.Publish(TestMessages.Identified("u-1", "Australia/Adelaide", "Australia"), ct);
        await host.WaitForConsumedAsync<UserIdentified>(1);
        // 00:30 UTC is 10:00 or 11:00 in Adelaide, a whole hour of its clock.
        await host.Harness.Bus.PublishBatch(TestMessages.Weekly("u-1", weeks: 4, hourUtc: 0).Select(activity => activity with { OccurredAt = activity.OccurredAt.AddMinutes(30) }), ct);
        await host.WaitForConsumedAsync<UserActivityTracked>(4);
        var before = await host.Documents.FindAsync<UserSendTimeState>(SendTimeNames.UsersCollection, "u-1", ct);

        await host.Harness.Bus.Publish(TestMessages.Identified("u-1", null, "AU"), ct);
        await host.WaitForConsumedAsync<UserIdentified>(2);

        var after = await host.Documents.FindAsync<UserSendTimeState>(SendTimeNames.UsersCollection, "u-1", ct);
        Assert.Equal(("Australia/Adelaide", "AU", true), (after?.TimeZone, after?.Country, after?.ZoneNamed));
        Assert.Equal(before!.Counts.Weights, after!.Counts.Weights);
        Assert.Equal("Australia/Adelaide", (await host.Profiles.ReadAsync("u-1", ct))?.SendTime?.TimeZone);

        // A zone named again replaces it, as a trait's new value does.
        await host.Harness.Bus.Publish(TestMessages.Identified("u-1", "Australia/Sydney", null), ct);
        await host.WaitForConsumedAsync<UserIdentified>(3);
        Assert.Equal("Australia/Sydney", (await host.Documents.FindAsync<UserSendTimeState>(SendTimeNames.UsersCollection, "u-1", ct))?.TimeZone);
        Assert.False(await host.FaultPublishedAsync<UserIdentified>());
    }

    /// <summary>An offset is no zone's id: it falls through to the country known for the user, not to the account's UTC.</summary>
    [Fact]
    public async Task Consume_identity_naming_an_unreadable_zone_keeps_the_zone_of_the_country_known_before()
    {
        await using var host = await SendTimeHarness.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        await host.Harness.Bus.Publish(TestMessages.Identified("u-1", null, "Germany"), ct);
        await host.WaitForConsumedAsync<UserIdentified>(1);

        await host.Harness.Bus.Publish(TestMessages.Identified("u-1", "+01:00", null), ct);
        await host.WaitForConsumedAsync<UserIdentified>(2);

        var state = await host.Documents.FindAsync<UserSendTimeState>(SendTimeNames.UsersCollection, "u-1", ct);
        Assert.Equal(("Europe/Berlin", "Germany", false), (state?.TimeZone, state?.Country, state?.ZoneNamed));
        Assert.False(await host.FaultPublishedAsync<UserIdentified>());
    }

    [Fact]
    public async Task Consume_identity_after_activity_moves_the_counts_to_the_users_clock()
    {
        await using var host = await SendTimeHarness.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        await host.Harness.Bus.PublishBatch(TestMessages.Weekly("u-1", weeks: 10, hourUtc: 8), ct);
        await host.WaitForConsumedAsync<UserActivityTracked>(10);
        Assert.Equal(8, (await host.Profiles.ReadAsync("u-1", ct))?.SendTime?.BestHourOfWeek);

        // No timezone trait: the country's zone. Berlin is an hour ahead of UTC in March 2011 (and in winter).
        await host.Harness.Bus.Publish(TestMessages.Identified("u-1", null, "Germany"), ct);
        await host.WaitForConsumedAsync<UserIdentified>(1);

        var slice = (await host.Profiles.ReadAsync("u-1", ct))?.SendTime;
        var offset = (int)TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin").GetUtcOffset(DateTimeOffset.UtcNow).TotalHours;
        Assert.Equal(8 + offset, slice?.BestHourOfWeek);
        Assert.Equal("Europe/Berlin", slice?.TimeZone);
        // The recency-weighted evidence moves with the counts.
        var state = await host.Documents.FindAsync<UserSendTimeState>(SendTimeNames.UsersCollection, "u-1", ct);
        Assert.Equal([8 + offset], Enumerable.Range(0, WeekHours.Count).Where(hour => state!.Recent!.Weights[hour] > 0));
        Assert.Contains(host.Published<SendTimeUpdated>(), update => update.BestHourOfWeek == 8 + offset);
        Assert.False(await host.FaultPublishedAsync<UserIdentified>());
        // The priors move with them: the population holds their hours on their clock, and their country's cohort gains
        // them, as if the zone had come first (so the priors do not depend on which message a replica took first).
        var population = await host.Documents.FindAsync<HourOfWeekCounts>(SendTimeNames.PopulationCollection, SendTimeNames.PopulationId, ct);
        var cohort = await host.Documents.FindAsync<HourOfWeekCounts>(SendTimeNames.CohortsCollection, "GERMANY", ct);
        foreach (var counts in new[] { population, cohort })
        {
            Assert.Equal((10, 10.0), (counts?.Events, counts?.Weights[8 + offset]));
            Assert.Equal([8 + offset], Enumerable.Range(0, WeekHours.Count).Where(hour => counts!.Weights[hour] > 0));
        }
    }

    [Fact]
    public async Task Consume_open_right_after_delivery_counts_for_the_delivery_hour_and_a_late_one_as_a_discounted_session()
    {
        await using var host = await SendTimeHarness.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        var delivered = TestMessages.Monday.AddHours(9);
        var (quickEmail, lateEmail) = (Guid.NewGuid(), Guid.NewGuid());
        EmailEngaged[] engagements =
        [
            TestMessages.Engagement("quick", delivered, EngagementKind.Delivered, emailId: quickEmail),
            TestMessages.Engagement("quick", delivered.AddMinutes(5), EngagementKind.Open, emailId: quickEmail),
            TestMessages.Engagement("quick", delivered.AddMinutes(6), EngagementKind.Click, emailId: quickEmail),
            TestMessages.Engagement("late", delivered, EngagementKind.Delivered, emailId: lateEmail),
            TestMessages.Engagement("late", delivered.AddHours(6), EngagementKind.Open, emailId: lateEmail),
        ];

        await host.Harness.Bus.PublishBatch(engagements, ct);
        await host.WaitForConsumedAsync<EmailEngaged>(engagements.Length);

        // The quick open says 09:00 worked: one delivery, one success there, and no activity counted on top of it.
        var quick = await host.Documents.FindAsync<UserSendTimeState>(SendTimeNames.UsersCollection, "quick", ct);
        Assert.Equal((1.0, 1.0, 0.0), (quick!.Delivered![9], quick.Engaged![9], quick.Counts.Weights.Sum()));
        // The late open is also the 09:00 email's success, and a session of the reader's own at 15:00, discounted.
        var late = await host.Documents.FindAsync<UserSendTimeState>(SendTimeNames.UsersCollection, "late", ct);
        Assert.Equal((1.0, 1.0), (late!.Delivered![9], late.Engaged![9]));
        Assert.Equal(new SendTimeOptions().OpenWeight * new OpenLatency().Factor(TimeSpan.FromHours(6)), late.Counts.Weights[15], precision: 9);
        var latency = await host.Documents.FindAsync<OpenLatency>(SendTimeNames.PopulationCollection, SendTimeNames.LatencyId, ct);
        Assert.Equal(2, latency?.Opens);
        Assert.False(await host.FaultPublishedAsync<EmailEngaged>());
    }

    [Fact]
    public void Outcomes_take_weight_from_hours_whose_emails_go_unread_and_give_it_to_hours_whose_emails_are_read()
    {
        var weights = Enumerable.Repeat(1.0 / WeekHours.Count, WeekHours.Count).ToArray();
        var delivered = new double[WeekHours.Count];
        var engaged = new double[WeekHours.Count];
        (delivered[9], engaged[9]) = (10, 0);
        (delivered[14], engaged[14]) = (4, 3);

        var adjusted = SendOutcomes.Adjust(weights, delivered, engaged, priorDeliveries: 3);

        Assert.Equal(1.0, adjusted.Sum(), precision: 9);
        Assert.True(adjusted[9] < weights[9] / 2, $"{adjusted[9]}");
        Assert.True(adjusted[14] > weights[14] * 1.5, $"{adjusted[14]}");
        Assert.Equal(adjusted[20], adjusted[21], precision: 12);
        Assert.Same(weights, SendOutcomes.Adjust(weights, null, null, priorDeliveries: 3));
    }

    [Fact]
    public async Task Consume_training_request_fits_the_prior_strengths_on_the_stored_counts()
    {
        await using var host = await SendTimeHarness.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        // Forty users who each keep to their own hour: the fit should trust users far more than the defaults do.
        var activities = Enumerable.Range(0, 40).SelectMany(user => Enumerable.Range(0, 6)
            .Select(day => TestMessages.Activity($"u-{user}", TestMessages.Monday.AddDays(day).AddHours(user % 24)))).ToList();
        await host.Harness.Bus.PublishBatch(activities, ct);
        await host.WaitForConsumedAsync<UserActivityTracked>(activities.Count);

        await host.Harness.Bus.Publish(new ModelTrainingRequested(Guid.NewGuid(), DateTimeOffset.UtcNow, "test"), ct);
        await host.WaitForConsumedAsync<ModelTrainingRequested>(1);

        var strengths = await host.Documents.FindAsync<PriorStrengths>(SendTimeNames.PopulationCollection, SendTimeNames.PriorStrengthsId, ct);
        Assert.NotNull(strengths);
        Assert.True(strengths.Day < PriorStrengths.Defaults.Day, $"day strength {strengths.Day}");
        Assert.Equal(7, (await host.Profiles.ReadAsync("u-7", ct))?.SendTime?.BestHourOfWeek % 24);
        Assert.False(await host.FaultPublishedAsync<ModelTrainingRequested>());
    }
}
