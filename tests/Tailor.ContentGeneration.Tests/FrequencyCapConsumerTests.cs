using Tailor.ContentGeneration.Frequency;
using Tailor.Contracts;
using Tailor.Storage;
using Tailor.Testing;

namespace Tailor.ContentGeneration.Tests;

/// <summary>Frequency caps and fatigue as the consumers apply them, with the default caps (newsletter: 1 per 7 days).</summary>
public sealed class FrequencyCapConsumerTests
{
    // Monday 2030-01-07 00:30 UTC to a week later; without a send-time slice every email goes at the window's start.
    private static readonly DateTimeOffset WindowStart = new(2030, 1, 7, 0, 30, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset WindowEnd = WindowStart.AddDays(7);

    [Fact]
    public async Task Consume_second_newsletter_campaign_in_a_week_is_suppressed_as_frequency_cap_for_every_user()
    {
        await using var host = await ContentGenerationHarness.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        string[] audience = ["17850", "13047"];
        foreach (var userId in audience)
        {
            await TestProfiles.WriteAsync(host.Profiles, userId, items: OnlineRetailProducts.First(4));
        }

        await host.Harness.Bus.Publish(Campaign("news-1", audience, CampaignTypes.Newsletter), ct);
        await host.WaitForCommandsAsync(audience.Length);
        await host.Harness.Bus.Publish(Campaign("news-2", audience, CampaignTypes.Newsletter) with { SendWindowStart = WindowStart.AddDays(3) }, ct);
        await host.WaitForCommandsAsync(2 * audience.Length);

        Assert.All(host.Published<EmailReady>(), email => Assert.Equal("news-1", email.CampaignId));
        Assert.Equal(audience.Order(), host.Published<EmailReady>().Select(email => email.UserId).Order());
        var suppressed = host.Published<EmailSuppressed>();
        Assert.Equal(audience.Order(), suppressed.Select(suppression => suppression.UserId).Order());
        Assert.All(suppressed, suppression =>
        {
            Assert.Equal(("news-2", SuppressionReasons.FrequencyCap), (suppression.CampaignId, suppression.Reason));
            Assert.Equal(MessageIds.EmailSuppressed("news-2", suppression.UserId), suppression.EventId);
        });
        var ledger = await LedgerAsync(host, "17850");
        var send = Assert.Single(ledger.Sends);
        var sent = host.Published<EmailReady>().Single(email => email.UserId == "17850");
        Assert.Equal((MessageIds.Email("news-1", "17850"), CampaignTypes.Newsletter, sent.SendAt), (send.EmailId, send.CampaignType, send.SendAt));
        Assert.False(await host.FaultPublishedAsync<PersonalizeEmails>());
    }

    [Fact]
    public async Task Consume_newsletters_of_several_campaigns_at_once_let_one_through()
    {
        await using var host = await ContentGenerationHarness.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        await TestProfiles.WriteAsync(host.Profiles, "17850", items: OnlineRetailProducts.First(4));
        string[] campaigns = ["news-1", "news-2", "news-3", "news-4", "news-5", "news-6"];

        await Task.WhenAll(campaigns.Select(campaignId => host.PublishPageAsync(Command(campaignId, "17850", CampaignTypes.Newsletter))));
        await host.WaitForCommandsAsync(campaigns.Length);

        var email = Assert.Single(host.Published<EmailReady>());
        Assert.Equal(
            campaigns.Where(campaignId => campaignId != email.CampaignId).Order(),
            host.Published<EmailSuppressed>().Select(suppression => suppression.CampaignId).Order());
        Assert.All(host.Published<EmailSuppressed>(), suppression => Assert.Equal(SuppressionReasons.FrequencyCap, suppression.Reason));
        Assert.Equal(email.EmailId, Assert.Single((await LedgerAsync(host, "17850")).Sends).EmailId);
    }

    [Fact]
    public async Task Consume_campaigns_of_other_types_are_not_held_back_by_a_full_newsletter_cap()
    {
        await using var host = await ContentGenerationHarness.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        await TestProfiles.WriteAsync(host.Profiles, "17850", items: OnlineRetailProducts.First(4));

        await host.PublishPageAsync(Command("news-1", "17850", CampaignTypes.Newsletter));
        await host.WaitForCommandsAsync(1);
        await host.PublishPageAsync(Command("order-1", "17850", CampaignTypes.Transactional));
        await host.PublishPageAsync(Command("sale-1", "17850", campaignType: null));
        await host.WaitForCommandsAsync(3);

        Assert.Equal(["news-1", "order-1", "sale-1"], host.Published<EmailReady>().Select(email => email.CampaignId).Order());
        Assert.Empty(host.Published<EmailSuppressed>());
        Assert.Equal(
            [CampaignTypes.Newsletter, CampaignTypes.Promotional, CampaignTypes.Transactional],
            (await LedgerAsync(host, "17850")).Sends.Select(send => send.CampaignType).Order());
    }

    [Fact]
    public async Task Consume_retried_personalize_email_publishes_the_same_email_and_counts_it_once()
    {
        await using var host = await ContentGenerationHarness.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        await TestProfiles.WriteAsync(host.Profiles, "17850", items: OnlineRetailProducts.First(4));
        var command = Command("news-1", "17850", CampaignTypes.Newsletter);

        await host.PublishPageAsync(command);
        await host.WaitForCommandsAsync(1);
        // As if the process died after publishing but before recording the command: the ledger has the send, the
        // stream does not have the command, so the redelivery runs the whole command again.
        await host.Events.DeleteUserAsync("17850", ct);
        await host.PublishPageAsync(command);
        await host.WaitForCommandsAsync(2);

        var emails = host.Published<EmailReady>();
        Assert.Equal(2, emails.Count);
        Assert.Equal(emails[0].EventId, emails[1].EventId);
        Assert.Equal((emails[0].EmailId, emails[0].Subject, emails[0].SendAt), (emails[1].EmailId, emails[1].Subject, emails[1].SendAt));
        Assert.Empty(host.Published<EmailSuppressed>());
        Assert.Single((await LedgerAsync(host, "17850")).Sends);
        Assert.False(await host.FaultPublishedAsync<PersonalizeEmails>());
    }

    [Fact]
    public async Task Consume_personalize_email_for_a_user_who_stopped_reading_is_suppressed_as_fatigue_under_the_type_cap()
    {
        await using var host = await ContentGenerationHarness.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        await TestProfiles.WriteAsync(host.Profiles, "17850", items: OnlineRetailProducts.First(4));
        // Five promotions went out over the last weeks without a human open or click, and one is already planned the
        // day before this campaign's window: one of the three a week a promotional campaign may send.
        var now = DateTimeOffset.UtcNow;
        var sends = Enumerable.Range(1, 5).Select(week => new LedgerSend(Guid.NewGuid(), $"old-{week}", CampaignTypes.Promotional, now.AddDays(-5 * week)))
            .Append(new LedgerSend(Guid.NewGuid(), "planned-1", CampaignTypes.Promotional, WindowStart.AddDays(-1)));
        await host.Documents.PutAsync(ContentGenerationNames.SendLedgerCollection, "17850", new SendLedger([.. sends], null), ct);

        await host.PublishPageAsync(Command("sale-1", "17850", CampaignTypes.Promotional));
        await host.WaitForCommandsAsync(1);

        Assert.Equal(SuppressionReasons.Fatigue, Assert.Single(host.Published<EmailSuppressed>()).Reason);
        Assert.Empty(host.Published<EmailReady>());
        Assert.Equal(6, (await LedgerAsync(host, "17850")).Sends.Count);
        Assert.False(await host.FaultPublishedAsync<PersonalizeEmails>());
    }

    [Fact]
    public async Task Consume_email_engaged_notes_human_opens_and_clicks_in_the_ledger_but_not_machine_opens()
    {
        await using var host = await ContentGenerationHarness.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        var emailId = MessageIds.Email("news-1", "17850");
        // In the past: the bus refuses an engagement dated more than a day ahead of the clock (EventTimeOptions).
        var openedAt = new DateTimeOffset(2026, 1, 7, 8, 15, 0, TimeSpan.Zero);

        await host.Harness.Bus.Publish(Engaged(emailId, openedAt.AddHours(2), EngagementKind.Open, isMachineOpen: true), ct);
        await host.Harness.Bus.Publish(Engaged(emailId, openedAt.AddHours(3), EngagementKind.Delivered, isMachineOpen: false), ct);
        await host.WaitForConsumedAsync<EmailEngaged>(2);
        Assert.Null(await host.Documents.FindAsync<SendLedger>(ContentGenerationNames.SendLedgerCollection, "17850", ct));

        await host.Harness.Bus.Publish(Engaged(emailId, openedAt, EngagementKind.Open, isMachineOpen: false), ct);
        await host.Harness.Bus.Publish(Engaged(emailId, openedAt.AddMinutes(-5), EngagementKind.Click, isMachineOpen: false), ct);
        await host.WaitForConsumedAsync<EmailEngaged>(4);

        Assert.Equal(openedAt, (await LedgerAsync(host, "17850")).LastEngagedAt);
        Assert.False(await host.FaultPublishedAsync<EmailEngaged>());
    }

    [Fact]
    public async Task Consume_user_erased_deletes_the_send_ledger()
    {
        await using var host = await ContentGenerationHarness.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        await TestProfiles.WriteAsync(host.Profiles, "17850", items: OnlineRetailProducts.First(4));
        await TestProfiles.WriteAsync(host.Profiles, "13047", items: OnlineRetailProducts.First(4));
        await host.PublishPageAsync(Command("news-1", "17850", CampaignTypes.Newsletter));
        await host.PublishPageAsync(Command("news-1", "13047", CampaignTypes.Newsletter));
        await host.WaitForCommandsAsync(2);
        Assert.Single((await LedgerAsync(host, "17850")).Sends);

        await host.Harness.Bus.Publish(new UserErased(Guid.NewGuid(), "17850", TestProfiles.Now), ct);
        await host.WaitForConsumedAsync<UserErased>(1);

        Assert.Null(await host.Documents.FindAsync<SendLedger>(ContentGenerationNames.SendLedgerCollection, "17850", ct));
        Assert.Single((await LedgerAsync(host, "13047")).Sends);
        Assert.False(await host.FaultPublishedAsync<UserErased>());
    }

    [Fact]
    public async Task Consume_email_engaged_dated_9999_faults_and_leaves_the_send_ledger_alone()
    {
        // An open dated 9999 would read as the user's latest for ever, so fatigue could never build up again.
        await using var host = await ContentGenerationHarness.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        var openedAt = new DateTimeOffset(2026, 1, 7, 8, 15, 0, TimeSpan.Zero);
        var future = Engaged(MessageIds.Email("news-1", "17850"), new DateTimeOffset(9999, 12, 31, 0, 0, 0, TimeSpan.Zero), EngagementKind.Open, isMachineOpen: false);
        var beside = Engaged(MessageIds.Email("news-1", "13047"), openedAt, EngagementKind.Open, isMachineOpen: false) with { UserId = "13047" };

        await host.Harness.Bus.Publish(future, ct);
        await host.Harness.Bus.Publish(beside, ct);
        await host.WaitForConsumedAsync<EmailEngaged>(2);

        Assert.Equal(future.EventId, Assert.Single(host.Published<MassTransit.Fault<EmailEngaged>>()).Message.EventId);
        Assert.Null(await host.Documents.FindAsync<SendLedger>(ContentGenerationNames.SendLedgerCollection, "17850", ct));
        Assert.Equal(openedAt, (await LedgerAsync(host, "13047")).LastEngagedAt);
    }

    [Fact]
    public async Task Consume_weekly_newsletters_at_one_local_hour_each_go_out_across_the_week_clocks_go_forward()
    {
        await using var host = await ContentGenerationHarness.StartAsync();
        // A London reader at 10:00 on Mondays: 2030-03-25 10:00 GMT, then 2030-04-01 10:00 BST, after the clocks went
        // forward on the 31st. The two are 167 hours apart, but a week apart on the reader's calendar.
        var london = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        var mondayTen = TestProfiles.PreferringHour(10) with { TimeZone = london.Id };
        await TestProfiles.WriteAsync(host.Profiles, "17850", items: OnlineRetailProducts.First(4), sendTime: mondayTen);
        DateTimeOffset[] mondays = [new(2030, 3, 25, 0, 0, 0, TimeSpan.Zero), new(2030, 4, 1, 0, 0, 0, TimeSpan.FromHours(1))];

        foreach (var (monday, week) in mondays.Select((monday, week) => (monday, week)))
        {
            await host.PublishPageAsync(Command($"news-{week}", "17850", CampaignTypes.Newsletter) with { SendWindowStart = monday, SendWindowEnd = monday.AddDays(1) });
            await host.WaitForCommandsAsync(week + 1);
        }

        Assert.Empty(host.Published<EmailSuppressed>());
        Assert.Equal(
            [new DateTimeOffset(2030, 3, 25, 10, 0, 0, TimeSpan.Zero), new DateTimeOffset(2030, 4, 1, 9, 0, 0, TimeSpan.Zero)],
            host.Published<EmailReady>().Select(email => email.SendAt).Order());
    }

    private static async Task<SendLedger> LedgerAsync(ConsumerHarness host, string userId)
    {
        var ledger = await host.Documents.FindAsync<SendLedger>(ContentGenerationNames.SendLedgerCollection, userId, TestContext.Current.CancellationToken);
        Assert.NotNull(ledger);
        return ledger;
    }

    private static CampaignRequested Campaign(string campaignId, IReadOnlyList<string> userIds, string campaignType) =>
        new(Guid.NewGuid(), campaignId, DateTimeOffset.UtcNow, "December news", "Keep in touch", userIds, WindowStart, WindowEnd, CampaignType: campaignType);

    private static PersonalizeEmail Command(string campaignId, string userId, string? campaignType) =>
        new(MessageIds.PersonalizeEmail(campaignId, userId), userId, DateTimeOffset.UtcNow, campaignId, "December news", "Keep in touch", WindowStart, WindowEnd, campaignType);

    private static EmailEngaged Engaged(Guid emailId, DateTimeOffset at, EngagementKind kind, bool isMachineOpen) =>
        new(Guid.NewGuid(), "17850", at, emailId, "news-1", kind, null, null, isMachineOpen);
}
