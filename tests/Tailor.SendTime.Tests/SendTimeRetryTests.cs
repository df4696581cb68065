using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Tailor.Contracts;
using Tailor.Profiles.InMemory;
using Tailor.Profiles;
using Tailor.SendTime.Learning;
using Tailor.Storage.Sqlite;
using Tailor.Storage;
using Tailor.Testing;

namespace Tailor.SendTime.Tests;

/// <summary>
/// A failure after the store writes (where the consumers used to record the message already) is retried, and the
/// retry finishes the work without counting the batch twice.
/// </summary>
public sealed class SendTimeRetryTests
{
    [Fact]
    public async Task Consume_activity_batch_after_a_failed_profile_write_learns_each_event_once()
    {
        var profiles = new ProfileCacheFailingOnce(new InMemoryProfileCache());
        await using var host = await SendTimeHarness.StartAsync(services => services.AddSingleton<IProfileCache>(profiles));
        var ct = TestContext.Current.CancellationToken;
        var mondayMorning = TestMessages.Monday.AddHours(9);
        var fridayEvening = TestMessages.Monday.AddDays(4).AddHours(20);
        UserActivityTracked[] activities =
        [
            .. Enumerable.Range(0, 3).Select(i => TestMessages.Activity("u-1", mondayMorning.AddDays(7 * i))),
            .. Enumerable.Range(0, 2).Select(i => TestMessages.Activity("u-2", fridayEvening.AddDays(7 * i))),
        ];

        await host.Harness.Bus.PublishBatch(activities, ct);
        await WaitForRecordedAsync(host, activities.Length);

        Assert.True(profiles.Failed);
        var updates = host.Published<SendTimeUpdated>();
        Assert.Equal(["u-1", "u-2"], updates.Select(update => update.UserId).Order());
        Assert.Equal(2, updates.Select(update => update.EventId).Distinct().Count());
        Assert.Equal(9, updates.Single(update => update.UserId == "u-1").BestHourOfWeek);
        Assert.Equal(3, (await profiles.ReadAsync("u-1", ct))?.SendTime?.EvidenceCount);
        Assert.Equal(2, (await profiles.ReadAsync("u-2", ct))?.SendTime?.EvidenceCount);
        var population = await host.Documents.FindAsync<HourOfWeekCounts>(SendTimeNames.PopulationCollection, SendTimeNames.PopulationId, ct);
        Assert.Equal(activities.Length, population?.Events);
        Assert.False(await host.FaultPublishedAsync<UserActivityTracked>());
    }

    [Fact]
    public async Task Consume_engagement_batch_after_a_failed_profile_write_announces_the_change_once()
    {
        var profiles = new ProfileCacheFailingOnce(new InMemoryProfileCache());
        await using var host = await SendTimeHarness.StartAsync(services => services.AddSingleton<IProfileCache>(profiles));
        var ct = TestContext.Current.CancellationToken;
        var wednesdayNoon = TestMessages.Monday.AddDays(2).AddHours(12);
        EmailEngaged[] clicks = [.. Enumerable.Range(0, 2).Select(i => TestMessages.Engagement("u-1", wednesdayNoon.AddDays(7 * i), EngagementKind.Click))];

        await host.Harness.Bus.PublishBatch(clicks, ct);
        await WaitForRecordedAsync(host, clicks.Length);

        Assert.True(profiles.Failed);
        var update = Assert.Single(host.Published<SendTimeUpdated>());
        Assert.Equal((2 * 24) + 12, update.BestHourOfWeek);
        Assert.Equal(2, update.EvidenceCount);
        Assert.Equal(2, (await profiles.ReadAsync("u-1", ct))?.SendTime?.EvidenceCount);
        Assert.False(await host.FaultPublishedAsync<EmailEngaged>());
    }

    [Fact]
    public async Task Consume_user_erased_after_a_failed_delete_forgets_the_users_counts()
    {
        await using var host = await SendTimeHarness.StartAsync(services => services.AddSingleton<IDocumentStore>(provider =>
            new DocumentStoreFailingOnce(new SqliteDocumentStore(provider.GetRequiredService<SqliteDatabase>()), SendTimeNames.UsersCollection, onDelete: true)));
        var ct = TestContext.Current.CancellationToken;
        await host.Harness.Bus.Publish(TestMessages.Activity("u-1", TestMessages.Monday.AddHours(10)), ct);
        await WaitForRecordedAsync(host, 1);
        Assert.NotNull(await host.Documents.GetAsync(SendTimeNames.UsersCollection, "u-1", ct));

        await host.Harness.Bus.Publish(new UserErased(Guid.NewGuid(), "u-1", DateTimeOffset.UtcNow), ct);
        await host.WaitForConsumedAsync<UserErased>(1);

        Assert.True(((DocumentStoreFailingOnce)host.Documents).Failed);
        Assert.Null(await host.Documents.GetAsync(SendTimeNames.UsersCollection, "u-1", ct));
        Assert.False(await host.FaultPublishedAsync<UserErased>());
    }

    /// <summary>
    /// Waits until SendTime recorded <paramref name="count"/> events: the last step of a batch, so everything else is
    /// done by then, however many attempts the batch took.
    /// </summary>
    private static async Task WaitForRecordedAsync(ConsumerHarness host, long count)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await Polling.WithinAsync(async () => await host.Events.CountAsync(SendTimeNames.Stream, cancellationToken) >= count);
        Assert.Equal(count, await host.Events.CountAsync(SendTimeNames.Stream, cancellationToken));
    }
}
