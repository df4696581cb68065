using MassTransit;
using Tailor.Contracts;

namespace Tailor.Ingestion.Tests;

public sealed class EmailEngagedConsumerTests
{
    private static readonly DateTimeOffset IdentifiedAt = new(2010, 12, 1, 8, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(EngagementKind.Unsubscribe)]
    [InlineData(EngagementKind.Complaint)]
    [InlineData(EngagementKind.HardBounce)]
    public async Task Consume_withdrawing_engagement_sets_consent_false(EngagementKind kind)
    {
        await using var app = await IngestionApp.StartAsync();
        await IdentifyWithConsentAsync(app, "17850");

        await ConsumeAsync(app, Engagement("17850", kind, IdentifiedAt.AddDays(1)));

        var contact = (await app.Profiles.ReadAsync("17850", TestContext.Current.CancellationToken))!.Contact!;
        Assert.False(contact.EmailConsent);
        Assert.Equal("customer-17850@example.com", contact.Email);
        Assert.False(await app.Harness.Published.Any<Fault<EmailEngaged>>(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Consume_resubscribe_after_unsubscribe_gives_consent_back()
    {
        await using var app = await IngestionApp.StartAsync();
        await IdentifyWithConsentAsync(app, "13047");

        await ConsumeAsync(app, Engagement("13047", EngagementKind.Unsubscribe, IdentifiedAt.AddDays(1)));
        await ConsumeAsync(app, Engagement("13047", EngagementKind.Resubscribe, IdentifiedAt.AddDays(2)));

        Assert.True((await app.Profiles.ReadAsync("13047", TestContext.Current.CancellationToken))!.Contact!.EmailConsent);
    }

    [Fact]
    public async Task Consume_open_and_click_are_recorded_but_leave_consent_alone()
    {
        await using var app = await IngestionApp.StartAsync();
        await IdentifyWithConsentAsync(app, "12583");

        await ConsumeAsync(app, Engagement("12583", EngagementKind.Open, IdentifiedAt.AddDays(1)));
        await ConsumeAsync(app, Engagement("12583", EngagementKind.Click, IdentifiedAt.AddDays(1)));

        Assert.True((await app.Profiles.ReadAsync("12583", TestContext.Current.CancellationToken))!.Contact!.EmailConsent);
        Assert.Equal(2, (await app.RecordedAsync<EmailEngaged>()).Count);
    }

    [Fact]
    public async Task Consume_late_unsubscribe_older_than_a_newer_consent_does_not_undo_it()
    {
        await using var app = await IngestionApp.StartAsync();
        await IdentifyWithConsentAsync(app, "14688");

        await ConsumeAsync(app, Engagement("14688", EngagementKind.Unsubscribe, IdentifiedAt.AddDays(-1)));

        Assert.True((await app.Profiles.ReadAsync("14688", TestContext.Current.CancellationToken))!.Contact!.EmailConsent);
    }

    [Fact]
    public async Task Consume_duplicate_event_has_one_effect()
    {
        await using var app = await IngestionApp.StartAsync();
        await IdentifyWithConsentAsync(app, "17850");
        var unsubscribe = Engagement("17850", EngagementKind.Unsubscribe, IdentifiedAt.AddDays(1));
        var resubscribe = Engagement("17850", EngagementKind.Resubscribe, IdentifiedAt.AddDays(2));

        await ConsumeAsync(app, unsubscribe);
        await ConsumeAsync(app, resubscribe);
        await ConsumeAsync(app, unsubscribe);

        Assert.True((await app.Profiles.ReadAsync("17850", TestContext.Current.CancellationToken))!.Contact!.EmailConsent);
        Assert.Equal([unsubscribe.EventId, resubscribe.EventId], (await app.RecordedAsync<EmailEngaged>()).Select(engaged => engaged.EventId));
        Assert.False(await app.Harness.Published.Any<Fault<EmailEngaged>>(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Consume_engagement_without_a_user_faults()
    {
        await using var app = await IngestionApp.StartAsync();

        await app.Harness.Bus.Publish(Engagement(" ", EngagementKind.Unsubscribe, IdentifiedAt), TestContext.Current.CancellationToken);

        Assert.True(await app.ConsumedAsync<EmailEngaged>()); // the harness's own wait may end before a busy machine consumes it
        Assert.True(await app.Harness.Published.Any<Fault<EmailEngaged>>(TestContext.Current.CancellationToken));
        Assert.True(await app.AnyFaultPublishedAsync()); // the catch-all check other tests rely on does see faults
        Assert.Empty(await app.RecordedAsync<EmailEngaged>());
    }

    [Fact]
    public async Task Consume_unsubscribe_dated_9999_withdraws_consent_as_of_its_arrival_so_a_later_resubscribe_still_counts()
    {
        await using var app = await IngestionApp.StartAsync();
        await IdentifyWithConsentAsync(app, "17850");

        await ConsumeAsync(app, Engagement("17850", EngagementKind.Unsubscribe, new DateTimeOffset(9999, 12, 31, 0, 0, 0, TimeSpan.Zero)));

        var contact = await app.ContactAsync("17850");
        Assert.False(contact.EmailConsent);
        Assert.Equal(IngestionApp.Now, contact.ConsentAt);
        Assert.Equal(IngestionApp.Now, Assert.Single(await app.RecordedAsync<EmailEngaged>()).OccurredAt);

        await ConsumeAsync(app, Engagement("17850", EngagementKind.Resubscribe, IngestionApp.Now.AddMinutes(1)));
        Assert.True((await app.ContactAsync("17850")).EmailConsent);
        Assert.False(await app.AnyFaultPublishedAsync());
    }

    [Fact]
    public async Task Consume_unsubscribe_dated_year_1_still_withdraws_the_consent_it_would_be_older_than()
    {
        await using var app = await IngestionApp.StartAsync();
        await IdentifyWithConsentAsync(app, "17850");

        await ConsumeAsync(app, Engagement("17850", EngagementKind.Unsubscribe, DateTimeOffset.MinValue));

        var contact = await app.ContactAsync("17850");
        Assert.False(contact.EmailConsent);
        Assert.Equal(IngestionApp.Now, contact.ConsentAt);
        Assert.False(await app.AnyFaultPublishedAsync());
    }

    [Fact]
    public async Task Consume_identify_dated_9999_on_the_bus_is_refused_so_a_later_unsubscribe_still_withdraws_consent()
    {
        await using var app = await IngestionApp.StartAsync();
        await IdentifyWithConsentAsync(app, "17850");
        var future = new UserIdentified(
            Guid.NewGuid(), "17850", new DateTimeOffset(9999, 12, 31, 0, 0, 0, TimeSpan.Zero), "customer-17850@example.com", null, null, null, true, new Dictionary<string, string>());
        var beside = new UserIdentified(Guid.NewGuid(), "13047", IdentifiedAt, "customer-13047@example.com", null, null, null, true, new Dictionary<string, string>());

        await app.Harness.Bus.Publish(future, TestContext.Current.CancellationToken);
        await app.Harness.Bus.Publish(beside, TestContext.Current.CancellationToken);

        Assert.True(await app.ConsumedAsync<UserIdentified>(message => message.EventId == beside.EventId));
        Assert.True(await app.Harness.Published.Any<Fault<UserIdentified>>(fault => fault.Context.Message.Message.EventId == future.EventId, TestContext.Current.CancellationToken));
        Assert.Equal(IdentifiedAt, (await app.ContactAsync("17850")).ConsentAt);
        Assert.Equal("customer-13047@example.com", (await app.ContactAsync("13047")).Email);
        Assert.DoesNotContain(await app.RecordedAsync<UserIdentified>(), message => message.EventId == future.EventId);

        await ConsumeAsync(app, Engagement("17850", EngagementKind.Unsubscribe, IngestionApp.Now));
        Assert.False((await app.ContactAsync("17850")).EmailConsent);
    }

    private static EmailEngaged Engagement(string userId, EngagementKind kind, DateTimeOffset at) =>
        new(Guid.NewGuid(), userId, at, Guid.NewGuid(), "christmas", kind, Url: null, ItemId: null, IsMachineOpen: false);

    private static async Task IdentifyWithConsentAsync(IngestionApp app, string userId)
    {
        using var response = await app.PostAsync("/v1/identify", new
        {
            userId,
            timestamp = IdentifiedAt,
            traits = new { email = $"customer-{userId}@example.com", email_consent = true },
        });
        response.EnsureSuccessStatusCode();
    }

    private static async Task ConsumeAsync(IngestionApp app, EmailEngaged engaged)
    {
        await app.Harness.Bus.Publish(engaged, TestContext.Current.CancellationToken);
        // By id: a stop dated out of range reaches the consumer dated now.
        Assert.True(await app.ConsumedAsync<EmailEngaged>(consumed => consumed.EventId == engaged.EventId));
    }
}
