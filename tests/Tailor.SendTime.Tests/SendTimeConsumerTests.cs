using MassTransit;
using Tailor.Contracts;
using Tailor.SendTime.Learning;
using Tailor.SendTime.Model;
using Tailor.SendTime.Serving;
using Tailor.Storage;
using Tailor.Testing;

namespace Tailor.SendTime.Tests;

public sealed class SendTimeConsumerTests
{
    private static readonly string[] Customers = ["17850", "13047", "12583"];

    [Fact]
    public async Task Consume_purchase_batch_counts_each_order_once_and_writes_each_users_slice_and_one_update_per_user()
    {
        await using var host = await SendTimeHarness.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        var purchases = OnlineRetail.Purchases(600).Where(purchase => Customers.Contains(purchase.UserId)).Take(90).ToList();
        Assert.Equal(90, purchases.Count);

        await host.Harness.Bus.PublishBatch(purchases, ct);
        await host.WaitForConsumedAsync<UserActivityTracked>(purchases.Count);

        var updates = host.Published<SendTimeUpdated>();
        Assert.Equal(Customers.Order(), updates.Select(update => update.UserId).Order());
        foreach (var update in updates)
        {
            // An order's lines share its time: the order is one occurrence, however many lines it has.
            var own = purchases.Where(purchase => purchase.UserId == update.UserId).ToList();
            var orders = own.Select(purchase => EvidenceOccurrences.HourOf(purchase.OccurredAt)).Distinct().Count();
            Assert.True(orders < own.Count, $"{update.UserId} has no order of several lines");
            Assert.Equal(orders, update.EvidenceCount);
            var profile = await host.Profiles.ReadAsync(update.UserId, ct);
            var slice = Assert.IsType<Tailor.Profiles.SendTimeSlice>(profile?.SendTime);
            Assert.Equal(update.BestHourOfWeek, slice.BestHourOfWeek);
            Assert.Equal(orders, slice.EvidenceCount);
            Assert.Equal(1.0, slice.HourOfWeekWeights.Sum(), 9);

            // Each of these customers bought in one or two sittings; their best hour is within an hour of one of those.
            Assert.Contains(own, purchase => WeekHours.CircularDistance(slice.BestHourOfWeek, Tailor.Profiles.SendTimeSlice.HourOfWeek(purchase.OccurredAt), WeekHours.Count) <= 1);
        }

        var population = await host.Documents.FindAsync<HourOfWeekCounts>(SendTimeNames.PopulationCollection, SendTimeNames.PopulationId, ct);
        Assert.Equal(purchases.Select(purchase => (purchase.UserId, EvidenceOccurrences.HourOf(purchase.OccurredAt))).Distinct().Count(), population?.Events);
        Assert.Equal(purchases.Count, await host.Events.CountAsync(SendTimeNames.Stream, ct));
        Assert.False(await host.FaultPublishedAsync<UserActivityTracked>());
    }

    [Fact]
    public async Task Consume_machine_open_is_recorded_but_not_learned_from()
    {
        await using var host = await SendTimeHarness.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        var open = TestMessages.Engagement("u-1", TestMessages.Monday.AddHours(5), EngagementKind.Open, isMachineOpen: true);

        await host.Harness.Bus.Publish(open, ct);
        await host.WaitForConsumedAsync<EmailEngaged>(1);

        Assert.Empty(host.Published<SendTimeUpdated>());
        Assert.Null(await host.Profiles.ReadAsync("u-1", ct));
        Assert.Null(await host.Documents.GetAsync(SendTimeNames.UsersCollection, "u-1", ct));
        Assert.Equal(1, await host.Events.CountAsync(SendTimeNames.Stream, ct));
        Assert.False(await host.FaultPublishedAsync<EmailEngaged>());
    }

    [Fact]
    public async Task Consume_clicks_at_another_hour_move_the_best_hour_and_publish_an_update()
    {
        await using var host = await SendTimeHarness.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        var mondayMorning = TestMessages.Monday.AddHours(9);
        var thursdayEvening = TestMessages.Monday.AddDays(3).AddHours(20);
        await host.Harness.Bus.PublishBatch(Enumerable.Range(0, 5).Select(i => TestMessages.Activity("u-1", mondayMorning.AddDays(7 * i))), ct);
        await host.WaitForConsumedAsync<UserActivityTracked>(5);
        Assert.Equal(9, Assert.Single(host.Published<SendTimeUpdated>()).BestHourOfWeek);

        // Three clicks (weight 3 each) outweigh five activities (weight 1 each).
        await host.Harness.Bus.PublishBatch(Enumerable.Range(0, 3).Select(i => TestMessages.Engagement("u-1", thursdayEvening.AddDays(7 * i), EngagementKind.Click)), ct);
        await host.WaitForConsumedAsync<EmailEngaged>(3);

        var updates = host.Published<SendTimeUpdated>();
        Assert.Equal(2, updates.Count);
        Assert.Equal((3 * 24) + 20, updates[^1].BestHourOfWeek);
        Assert.Equal(8, updates[^1].EvidenceCount);
        var profile = await host.Profiles.ReadAsync("u-1", ct);
        Assert.Equal((3 * 24) + 20, profile?.SendTime?.BestHourOfWeek);
        Assert.False(await host.FaultPublishedAsync<EmailEngaged>());
        Assert.False(await host.FaultPublishedAsync<UserActivityTracked>());
    }

    [Fact]
    public async Task Consume_evidence_that_keeps_the_best_hour_publishes_no_update()
    {
        await using var host = await SendTimeHarness.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        var tuesdayNoon = TestMessages.Monday.AddDays(1).AddHours(12);
        await host.Harness.Bus.Publish(TestMessages.Activity("u-1", tuesdayNoon), ct);
        await host.WaitForConsumedAsync<UserActivityTracked>(1);

        // A week later: a second occurrence (twenty minutes later would be the same one).
        await host.Harness.Bus.Publish(TestMessages.Activity("u-1", tuesdayNoon.AddDays(7)), ct);
        await host.WaitForConsumedAsync<UserActivityTracked>(2);

        Assert.Single(host.Published<SendTimeUpdated>());
        var profile = await host.Profiles.ReadAsync("u-1", ct);
        Assert.Equal(2, profile?.SendTime?.EvidenceCount);
        Assert.False(await host.FaultPublishedAsync<UserActivityTracked>());
    }

    [Fact]
    public async Task Consume_duplicate_event_has_one_effect()
    {
        await using var host = await SendTimeHarness.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        var purchase = OnlineRetail.Purchases(1)[0];

        await host.Harness.Bus.Publish(purchase, ct);
        await host.WaitForConsumedAsync<UserActivityTracked>(1);
        await host.Harness.Bus.Publish(purchase, ct);
        await host.WaitForConsumedAsync<UserActivityTracked>(2);

        Assert.Single(host.Published<SendTimeUpdated>());
        var profile = await host.Profiles.ReadAsync(purchase.UserId, ct);
        Assert.Equal(1, profile?.SendTime?.EvidenceCount);
        var population = await host.Documents.FindAsync<HourOfWeekCounts>(SendTimeNames.PopulationCollection, SendTimeNames.PopulationId, ct);
        Assert.Equal(1, population?.Events);
        Assert.Equal(1, await host.Events.CountAsync(SendTimeNames.Stream, ct));
        Assert.False(await host.FaultPublishedAsync<UserActivityTracked>());
    }

    [Fact]
    public async Task Consume_activity_without_user_faults_alone_and_the_rest_of_the_batch_is_learned()
    {
        await using var host = await SendTimeHarness.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        var good = TestMessages.Activity("u-1", TestMessages.Monday.AddHours(10));
        var bad = TestMessages.Activity(" ", TestMessages.Monday.AddHours(10));

        await host.Harness.Bus.PublishBatch([good, bad], ct);
        await host.WaitForConsumedAsync<UserActivityTracked>(2);

        Assert.Equal(bad.EventId, Assert.Single(host.Published<Fault<UserActivityTracked>>()).Message.EventId);
        Assert.Equal(10, (await host.Profiles.ReadAsync("u-1", ct))?.SendTime?.BestHourOfWeek);
    }

    [Fact]
    public async Task Consume_activities_dated_9999_or_year_1_fault_and_leave_the_users_hours_to_the_good_one()
    {
        // Dated 9999, an activity would become the user's newest evidence for ever: every real one after it would
        // weigh nothing against it, and the user's best hour would stay its hour.
        await using var host = await SendTimeHarness.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        var good = TestMessages.Activity("u-1", TestMessages.Monday.AddHours(10));
        var future = TestMessages.Activity("u-1", new DateTimeOffset(9999, 12, 27, 18, 0, 0, TimeSpan.Zero));
        var ancient = TestMessages.Activity("u-2", DateTimeOffset.MinValue.AddHours(18));

        await host.Harness.Bus.PublishBatch([good, future, ancient], ct);
        await host.WaitForConsumedAsync<UserActivityTracked>(3);

        Assert.Equal(new[] { future.EventId, ancient.EventId }.Order(), host.Published<Fault<UserActivityTracked>>().Select(fault => fault.Message.EventId).Order());
        var slice = (await host.Profiles.ReadAsync("u-1", ct))?.SendTime;
        Assert.Equal((10, 1), (slice?.BestHourOfWeek, slice?.EvidenceCount));
        Assert.Null(await host.Profiles.ReadAsync("u-2", ct));
    }

    [Fact]
    public async Task Consume_user_erased_forgets_the_users_counts_slice_and_every_event_SendTime_recorded_of_them()
    {
        await using var host = await SendTimeHarness.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        await host.Harness.Bus.Publish(TestMessages.Activity("u-1", TestMessages.Monday.AddHours(10)), ct);
        await host.Harness.Bus.Publish(TestMessages.Activity("u-2", TestMessages.Monday.AddHours(11)), ct);
        await host.WaitForConsumedAsync<UserActivityTracked>(2);
        // The address SendTime was told: the record of it is the most personal thing its store holds.
        await host.Harness.Bus.Publish(new UserIdentified(Guid.NewGuid(), "u-1", TestMessages.Monday, "u-1@example.com", "Ada", "FR", null, true, new Dictionary<string, string>()), ct);
        await host.WaitForConsumedAsync<UserIdentified>(1);
        Assert.Equal(2, await EventsOfAsync(host, "u-1"));
        Assert.NotNull(await host.Documents.GetAsync(SendTimeNames.UsersCollection, "u-1", ct));
        Assert.NotNull((await host.Profiles.ReadAsync("u-1", ct))?.SendTime);

        await host.Harness.Bus.Publish(new UserErased(Guid.NewGuid(), "u-1", DateTimeOffset.UtcNow), ct);
        await host.WaitForConsumedAsync<UserErased>(1);

        Assert.Null(await host.Documents.GetAsync(SendTimeNames.UsersCollection, "u-1", ct));
        Assert.Null((await host.Profiles.ReadAsync("u-1", ct))?.SendTime);
        Assert.Equal(0, await EventsOfAsync(host, "u-1"));

        // Only that user.
        Assert.Equal(1, await EventsOfAsync(host, "u-2"));
        Assert.NotNull(await host.Documents.GetAsync(SendTimeNames.UsersCollection, "u-2", ct));
        Assert.False(await host.FaultPublishedAsync<UserErased>());
    }

    [Fact]
    public async Task Consume_training_request_recomputes_stale_slices_against_the_current_population()
    {
        await using var host = await SendTimeHarness.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        await host.Harness.Bus.Publish(TestMessages.Activity("early", TestMessages.Monday.AddHours(10)), ct);
        await host.WaitForConsumedAsync<UserActivityTracked>(1);
        var stale = (await host.Profiles.ReadAsync("early", ct))!.SendTime!;

        // Everyone else shops on Monday evenings: the population prior moves, the early user's slice does not yet.
        var others = Enumerable.Range(0, 40).Select(i => TestMessages.Activity($"u-{i}", TestMessages.Monday.AddHours(20))).ToList();
        await host.Harness.Bus.PublishBatch(others, ct);
        await host.WaitForConsumedAsync<UserActivityTracked>(41);
        Assert.Equal(stale.HourOfWeekWeights, (await host.Profiles.ReadAsync("early", ct))!.SendTime!.HourOfWeekWeights);

        await host.Harness.Bus.Publish(new ModelTrainingRequested(Guid.NewGuid(), DateTimeOffset.UtcNow, "test"), ct);
        await host.WaitForConsumedAsync<ModelTrainingRequested>(1);

        var refreshed = (await host.Profiles.ReadAsync("early", ct))!.SendTime!;
        var state = await host.Documents.FindAsync<UserSendTimeState>(SendTimeNames.UsersCollection, "early", ct);
        var population = await host.Documents.FindAsync<HourOfWeekCounts>(SendTimeNames.PopulationCollection, SendTimeNames.PopulationId, ct);
        // No user has two events, so there is nothing to fit: the configured strengths are kept, and used.
        var strengths = await host.Documents.FindAsync<PriorStrengths>(SendTimeNames.PopulationCollection, SendTimeNames.PriorStrengthsId, ct);
        Assert.Equal(new SendTimeOptions().DefaultPriorStrengths, strengths);
        var posterior = SendTimeHierarchy.Posterior(state!.Counts.Weights, null, population!.Weights, strengths!);
        Assert.Equal(ServedPreference.HierarchyWeek.Shape(state.Counts.Weights, state.Counts.Events, posterior, population.Weights), refreshed.HourOfWeekWeights);
        Assert.True(refreshed.HourOfWeekWeights[20] > stale.HourOfWeekWeights[20], "the evening prior did not reach the early user");
        // One own event weighs less than priors that sit on Monday evening: the user is mostly the population.
        Assert.Equal(20, refreshed.BestHourOfWeek);
        Assert.Contains(host.Published<SendTimeUpdated>(), update => update.UserId == "early" && update.BestHourOfWeek == 20);
        Assert.False(await host.FaultPublishedAsync<ModelTrainingRequested>());
    }

    private static Task<int> EventsOfAsync(ConsumerHarness host, string userId) =>
        host.Events.ReadAsync(new EventQuery(SendTimeNames.Stream) { UserId = userId }, TestContext.Current.CancellationToken).CountAsync(TestContext.Current.CancellationToken).AsTask();
}
