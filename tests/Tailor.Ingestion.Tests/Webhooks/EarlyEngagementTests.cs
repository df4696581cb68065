using System.Diagnostics.Metrics;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Tailor.Contracts;
using Tailor.Ingestion.Accepting;
using Tailor.Ingestion.Engagements;
using Tailor.Ingestion.Tests.Links;
using Tailor.Ingestion.Tests.Reports;
using Tailor.Storage;
using Tailor.Storage.Sqlite;
using Tailor.Testing;

namespace Tailor.Ingestion.Tests.Webhooks;

/// <summary>
/// A provider's webhook or a reader's click that arrives before Ingestion has stored its email (its <c>EmailsWritten</c>
/// page still queued) is held, and accepted once the page is: as the same message, under the same event id.
/// </summary>
public sealed class EarlyEngagementTests
{
    private const string CampaignId = "december-picks";
    private const string UserId = "12583";
    private const string ErasedUser = "erased-reader";
    private const string Reader = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1";

    private static readonly Dictionary<string, string?> Postmark = new()
    {
        ["Tailor:Ingestion:Webhooks:PostmarkUsername"] = ProviderSigner.PostmarkUsername,
        ["Tailor:Ingestion:Webhooks:PostmarkPassword"] = ProviderSigner.PostmarkPassword,
    };

    [Fact]
    public async Task A_postmark_open_before_its_email_is_counted_once_when_the_page_arrives_and_a_retry_after_has_no_effect()
    {
        await using var app = await IngestionApp.StartAsync(configure: Postmark);
        using var counts = new WebhookEventCounts(app);
        using var early = EarlyCounts(app);
        var emailId = Guid.NewGuid();

        using var beforePage = await SendAsync(app, ProviderSigner.Postmark(DocumentedOpen(emailId)));

        Assert.Equal(HttpStatusCode.OK, beforePage.StatusCode);
        var answer = await IngestionApp.ReadJsonAsync(beforePage);
        Assert.Equal((0, 1, 0), (answer.GetProperty("accepted").GetInt32(), answer.GetProperty("held").GetInt32(), answer.GetProperty("unknownEmail").GetInt32()));
        Assert.Empty(app.Published<EmailEngaged>());
        Assert.Equal((1, 0), (counts["held"], counts["unknown_email"]));

        await WriteEmailAsync(app, emailId, UserId);

        var open = Assert.Single(app.Published<EmailEngaged>());
        Assert.Equal(
            (EngagementKind.Open, UserId, CampaignId, emailId, new DateTimeOffset(2024, 3, 5, 9, 0, 0, TimeSpan.Zero), false),
            (open.Kind, open.UserId, open.CampaignId, open.EmailId, open.OccurredAt, open.IsMachineOpen));
        Assert.Equal(open.EventId, Assert.Single(await app.RecordedAsync<EmailEngaged>()).EventId);
        Assert.Empty(await HeldAsync(app));
        Assert.Equal((1L, 1L), (Sum(early, "held"), Sum(early, "released")));
        await CampaignEmailsSent.EngagementsCountedAsync(app);
        Assert.Equal((1, 0), await OpensAndClicksAsync(app));

        using var retried = await SendAsync(app, ProviderSigner.Postmark(DocumentedOpen(emailId)));

        Assert.Equal(1, (await IngestionApp.ReadJsonAsync(retried)).GetProperty("accepted").GetInt32());
        Assert.Single(app.Published<EmailEngaged>());
        Assert.Single(await app.RecordedAsync<EmailEngaged>());
        await CampaignEmailsSent.EngagementsCountedAsync(app);
        Assert.Equal((1, 0), await OpensAndClicksAsync(app));
    }

    [Fact]
    public async Task A_signed_click_before_its_email_leads_on_and_is_recorded_once_when_the_page_arrives()
    {
        await using var app = await IngestionApp.StartAsync(configure: TailorLinks.Settings);
        await TailorLinks.UpsertAsync(app, (SentEmails.ShownItem, TailorLinks.ItemPage));
        var emailId = Guid.NewGuid();

        using var clicked = await ClickAsync(app, emailId);

        Assert.Equal((HttpStatusCode.Found, TailorLinks.ItemPage), (clicked.StatusCode, clicked.Headers.Location?.ToString()));
        Assert.Empty(app.Published<EmailEngaged>());
        Assert.Single(await HeldAsync(app));

        await WriteEmailAsync(app, emailId, UserId);
        using var clickedAgain = await ClickAsync(app, emailId);

        var click = Assert.Single(app.Published<EmailEngaged>());
        Assert.Equal(
            (EngagementKind.Click, UserId, CampaignId, emailId, SentEmails.ShownItem, TailorLinks.ItemPage, IngestionApp.Now),
            (click.Kind, click.UserId, click.CampaignId, click.EmailId, click.ItemId, click.Url, click.OccurredAt));
        Assert.Empty(await HeldAsync(app));
        await CampaignEmailsSent.EngagementsCountedAsync(app);
        Assert.Equal((1, 1), await OpensAndClicksAsync(app));
    }

    [Fact]
    public async Task An_email_stored_between_the_lookup_and_the_hold_still_gets_its_engagement()
    {
        var emailId = Guid.NewGuid();
        var overtaking = new OvertakingWriter();
        await using var app = await IngestionApp.StartAsync(
            services => services.Replace(ServiceDescriptor.Singleton<IDocumentStore>(provider => new DocumentWriteOvertaken(
                new SqliteDocumentStore(provider.GetRequiredService<SqliteDatabase>()),
                EarlyEngagements.Collection,
                HeldEngagementDays.Id(emailId, HeldEngagementDays.DayOf(IngestionApp.Now)),
                overtaking))),
            configure: Postmark);

        // The page is consumed after the webhook found no email and before it held the open: the consumer finds nothing
        // held, so only the webhook's second look can accept it.
        overtaking.Arm(() => WriteEmailAsync(app, emailId, UserId));
        using var response = await SendAsync(app, ProviderSigner.Postmark(DocumentedOpen(emailId)));

        Assert.True(overtaking.Overtook);
        var answer = await IngestionApp.ReadJsonAsync(response);
        Assert.Equal((1, 0), (answer.GetProperty("accepted").GetInt32(), answer.GetProperty("held").GetInt32()));
        var open = Assert.Single(app.Published<EmailEngaged>());
        Assert.Equal((UserId, CampaignId, emailId), (open.UserId, open.CampaignId, open.EmailId));
        Assert.Empty(await HeldAsync(app));
    }

    [Fact]
    public async Task One_email_holds_at_most_its_limit_and_a_retried_event_once()
    {
        var settings = new Dictionary<string, string?> { ["Tailor:Ingestion:EarlyEngagements:MaxPerEmail"] = "2" };
        await using var app = await IngestionApp.StartAsync(configure: settings);
        using var counts = new WebhookEventCounts(app);
        var emailId = Guid.NewGuid();

        using var first = await SendGridAsync(app, $"[{SendGridOpen("open-1", emailId)},{SendGridOpen("open-1", emailId)},{SendGridOpen("open-2", emailId)}]");
        using var scanner = await SendGridAsync(app, $"[{SendGridOpen("open-3", emailId)},{SendGridOpen("open-4", emailId)}]");
        using var retry = await SendGridAsync(app, $"[{SendGridOpen("open-2", emailId)}]");

        // Counted per event, as accepted ones are: the open sent twice in one payload is held twice, stored once.
        Assert.Equal((4L, 2L, 0L), (counts["held"], counts["hold_full"], counts["accepted"]));
        Assert.Equal(1, (await IngestionApp.ReadJsonAsync(retry)).GetProperty("held").GetInt32());
        var held = Assert.Single(await HeldAsync(app));
        Assert.Equal(["open-1", "open-2"], held.Engagements.Select(engagement => SendGridEventKey(engagement.Engagement.EventId)));

        await WriteEmailAsync(app, emailId, UserId);

        Assert.Equal(2, app.Published<EmailEngaged>().Count);
    }

    [Fact]
    public async Task A_postmark_unsubscribe_before_its_email_suppresses_the_address_at_once_and_counts_and_changes_consent_when_the_page_arrives()
    {
        await using var app = await IngestionApp.StartAsync(configure: Postmark);
        await Recipient.IdentifyAsync(app);
        var emailId = Guid.NewGuid();

        // Changed when the reader's consent was given (the test's clock), not before it: an older report changes no consent.
        var unsubscribe = $$"""
            {"RecordType": "SubscriptionChange", "MessageID": "883953f4-6105-42a2-a16a-77a8eac79483", "ServerID": 123456, "MessageStream": "broadcast",
             "ChangedAt": "2024-03-05T10:00:00Z", "Recipient": "ada@example.com", "Origin": "Recipient", "SuppressSending": true,
             "SuppressionReason": "ManualSuppression", "Tag": "december-picks", "Metadata": {"tailor_email_id": "{{emailId:D}}"} }
            """;

        using var beforePage = await SendAsync(app, ProviderSigner.Postmark(unsubscribe));

        var answer = await IngestionApp.ReadJsonAsync(beforePage);
        Assert.Equal((0, 1, 0), (answer.GetProperty("accepted").GetInt32(), answer.GetProperty("held").GetInt32(), answer.GetProperty("byAddress").GetInt32()));
        Assert.True(await Recipient.SuppressedInProfileAsync(app));
        Assert.Empty(app.Published<EmailEngaged>());

        await WriteEmailAsync(app, emailId, SentEmails.UserId);

        var applied = await Recipient.AppliedAsync(app, "postmark:subscription-change:ManualSuppression");
        Assert.Equal((EngagementKind.Unsubscribe, SentEmails.UserId, emailId), (applied.Kind, applied.UserId, applied.EmailId));
        Assert.False((await app.ContactAsync(SentEmails.UserId)).EmailConsent);
        Assert.True(await Recipient.SuppressedInProfileAsync(app));
        Assert.Empty(await HeldAsync(app));
        await CampaignEmailsSent.EngagementsCountedAsync(app);
        using var report = await app.Client.GetAsync($"/v1/campaigns/{CampaignId}/report", TestContext.Current.CancellationToken);
        Assert.Equal(1, (await IngestionApp.ReadJsonAsync(report)).GetProperty("total").GetProperty("unsubscribes").GetInt32());
    }

    [Fact]
    public async Task A_providers_unsubscribe_is_held_past_a_full_hold_and_counts_toward_no_limit()
    {
        var settings = new Dictionary<string, string?> { ["Tailor:Ingestion:EarlyEngagements:MaxPerEmail"] = "2" };
        await using var app = await IngestionApp.StartAsync(configure: settings);
        using var counts = new WebhookEventCounts(app);
        var emailId = Guid.NewGuid();

        using var opens = await SendGridAsync(app, $"[{SendGridOpen("open-1", emailId)},{SendGridOpen("open-2", emailId)}]");
        using var unsubscribed = await SendGridAsync(
            app,
            $$"""[{"email":"ada@example.com","timestamp":1709629260,"event":"unsubscribe","sg_event_id":"unsubscribe-1","tailor_email_id":"{{emailId:D}}"}]""");
        using var third = await SendGridAsync(app, $"[{SendGridOpen("open-3", emailId)}]");

        Assert.Equal((3L, 1L), (counts["held"], counts["hold_full"]));
        Assert.Equal(1, (await IngestionApp.ReadJsonAsync(unsubscribed)).GetProperty("held").GetInt32());

        await WriteEmailAsync(app, emailId, UserId);

        Assert.Equal(
            [EngagementKind.Open, EngagementKind.Open, EngagementKind.Unsubscribe],
            app.Published<EmailEngaged>().Select(engaged => engaged.Kind).Order());
    }

    [Fact]
    public async Task A_held_event_past_the_hold_is_dropped_and_counted_when_its_email_comes()
    {
        await using var holder = await IngestionApp.StartAsync(configure: Postmark);
        var emailId = Guid.NewGuid();
        using var held = await SendAsync(holder, ProviderSigner.Postmark(DocumentedOpen(emailId)));
        Assert.Equal(1, (await IngestionApp.ReadJsonAsync(held)).GetProperty("held").GetInt32());

        // A replica a day and an hour later: the default hold is 24 hours.
        await using var later = await IngestionApp.StartAsync(configure: Postmark, replicaOf: holder, now: IngestionApp.Now.AddHours(25));
        using var early = EarlyCounts(later);
        await WriteEmailAsync(later, emailId, UserId);

        Assert.Empty(later.Published<EmailEngaged>());
        Assert.Empty(await HeldAsync(later));
        Assert.Equal((1L, 0L), (Sum(early, "expired"), Sum(early, "released")));
    }

    [Fact]
    public async Task The_sweep_drops_what_an_email_never_stored_held_counting_it_and_naming_no_email()
    {
        await using var holder = await IngestionApp.StartAsync(configure: Postmark);
        await using var threeDaysLater = await IngestionApp.StartAsync(configure: Postmark, replicaOf: holder, now: IngestionApp.Now.AddDays(3));
        using var early = EarlyCounts(threeDaysLater);
        var neverStored = Guid.NewGuid();
        var heldToday = Guid.NewGuid();
        using var old = await SendAsync(holder, ProviderSigner.Postmark(DocumentedOpen(neverStored)));
        using var fresh = await SendAsync(threeDaysLater, ProviderSigner.Postmark(DocumentedOpen(heldToday, receivedAt: "2024-03-08T09:00:00Z")));

        await threeDaysLater.Services.GetRequiredService<HeldEngagementSweep>().SweepAsync(TestContext.Current.CancellationToken);

        Assert.Equal([heldToday], (await HeldAsync(threeDaysLater)).Select(held => held.EmailId));
        Assert.Equal(1L, Sum(early, "expired"));
        var dropped = Assert.Single(threeDaysLater.Logs.GetSnapshot(), record => record.Id.Id == 1903);
        Assert.DoesNotContain(neverStored.ToString("D"), dropped.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(neverStored.ToString("N"), dropped.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_page_releases_by_reading_only_the_days_from_the_one_before_its_email_was_written()
    {
        HeldDocumentReads? reads = null;
        await using var app = await IngestionApp.StartAsync(
            services => services.Replace(ServiceDescriptor.Singleton<IDocumentStore>(
                provider => reads = new HeldDocumentReads(new SqliteDocumentStore(provider.GetRequiredService<SqliteDatabase>())))),
            configure: Postmark);
        var emailId = Guid.NewGuid();
        using var held = await SendAsync(app, ProviderSigner.Postmark(DocumentedOpen(emailId)));
        reads!.Clear();

        await WriteEmailAsync(app, emailId, UserId);

        Assert.Single(app.Published<EmailEngaged>());
        var today = HeldEngagementDays.DayOf(IngestionApp.Now);
        Assert.Equal(
            [HeldEngagementDays.Id(emailId, today.AddDays(-1)), HeldEngagementDays.Id(emailId, today), HeldEngagementDays.Id(emailId, today.AddDays(1))],
            Assert.Single(reads.Reads).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_release_reads_the_whole_hold_for_an_email_written_at_no_known_time_and_today_whatever_the_writers_clock()
    {
        var emailId = Guid.NewGuid();
        var today = HeldEngagementDays.DayOf(IngestionApp.Now);

        Assert.Equal(9, HeldEngagementDays.Releasable(emailId, writtenAt: null, IngestionApp.Now, TimeSpan.FromDays(7)).Count());
        Assert.Equal(
            [HeldEngagementDays.Id(emailId, today.AddDays(-1)), HeldEngagementDays.Id(emailId, today), HeldEngagementDays.Id(emailId, today.AddDays(1))],
            HeldEngagementDays.Releasable(emailId, writtenAt: IngestionApp.Now.AddDays(3), IngestionApp.Now, TimeSpan.FromDays(7)));
        Assert.Equal(
            HeldEngagementDays.Id(emailId, today.AddDays(-3)),
            HeldEngagementDays.Releasable(emailId, writtenAt: IngestionApp.Now.AddDays(-2), IngestionApp.Now, TimeSpan.FromDays(7)).First());
    }

    [Fact]
    public async Task A_fresh_host_on_the_same_store_releases_what_the_old_one_held()
    {
        await using var before = await IngestionApp.StartAsync(configure: TailorLinks.Settings);
        await TailorLinks.UpsertAsync(before, (SentEmails.ShownItem, TailorLinks.ItemPage));
        var emailId = Guid.NewGuid();
        using var clicked = await ClickAsync(before, emailId);
        using var opened = await SendGridAsync(before, $"[{SendGridOpen("open-before-restart", emailId)}]");

        await using var after = await IngestionApp.StartAsync(configure: TailorLinks.Settings, replicaOf: before);
        await WriteEmailAsync(after, emailId, UserId);

        Assert.Empty(before.Published<EmailEngaged>());
        var released = after.Published<EmailEngaged>();
        Assert.Equal([EngagementKind.Open, EngagementKind.Click], released.Select(engaged => engaged.Kind).Order());
        Assert.All(released, engaged => Assert.Equal((UserId, CampaignId), (engaged.UserId, engaged.CampaignId)));
        Assert.Empty(await HeldAsync(after));
    }

    [Fact]
    public async Task An_erased_users_email_keeps_nothing_held_and_its_late_events_publish_nothing()
    {
        HeldDocumentReads? reads = null;
        await using var app = await IngestionApp.StartAsync(services => services.Replace(ServiceDescriptor.Singleton<IDocumentStore>(
            provider => reads = new HeldDocumentReads(new SqliteDocumentStore(provider.GetRequiredService<SqliteDatabase>())))));
        var emailId = Guid.NewGuid();
        await WriteEmailAsync(app, emailId, ErasedUser);

        // Held as a release interrupted before its delete would leave it: an open today, and a consent change a week
        // ago, which the sweep keeps that long.
        foreach (var (heldAt, kind) in new[] { (IngestionApp.Now, EngagementKind.Open), (IngestionApp.Now.AddDays(-7), EngagementKind.Unsubscribe) })
        {
            await app.Documents.UpsertAsync(
                EarlyEngagements.Collection,
                HeldEngagementDays.Id(emailId, HeldEngagementDays.DayOf(heldAt)),
                JsonSerializer.Serialize(
                    new HeldEngagements(emailId, [new HeldEngagement(new EmailEngagement(Guid.NewGuid(), emailId, kind, heldAt, null, null, true, false, null), heldAt)]),
                    StoreJson.Options),
                TestContext.Current.CancellationToken);
        }

        // The sweep lists the held documents as the host starts; erasure must not.
        await Polling.WithinAsync(() => reads!.Listings > 0);
        reads!.Clear();
        using var erased = await app.Client.DeleteAsync($"/v1/users/{ErasedUser}", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Accepted, erased.StatusCode);
        Assert.Equal(0, reads.Listings);
        Assert.Empty(await HeldAsync(app));

        // The provider's event about the erased email waits for an email that is never stored again, naming no user.
        using var late = await SendGridAsync(app, $"[{SendGridOpen("open-after-erasure", emailId)}]");

        Assert.Equal(1, (await IngestionApp.ReadJsonAsync(late)).GetProperty("held").GetInt32());
        Assert.Empty(app.Published<EmailEngaged>());
        Assert.Empty(await app.RecordedAsync<EmailEngaged>());
        Assert.DoesNotContain(ErasedUser, Assert.Single(await HeldJsonAsync(app)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Hold", "00:00:01")]
    [InlineData("Hold", "30.00:00:00")]
    [InlineData("ConsentHold", "8.00:00:00")]
    [InlineData("ConsentHold", "12:00:00")]
    [InlineData("MaxPerEmail", "0")]
    [InlineData("SweepInterval", "00:00:00")]
    public void A_hold_setting_out_of_range_stops_the_start_naming_it(string setting, string value)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration[$"{EarlyEngagementOptions.Section}:{setting}"] = value;
        builder.AddIngestion();
        using var host = builder.Build();

        var invalid = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<EarlyEngagementOptions>>().Value);

        Assert.Contains($"'{setting}'", string.Join(' ', invalid.Failures), StringComparison.Ordinal);
    }

    [Fact]
    public void The_hold_defaults_to_a_day_a_week_for_consent_changes_and_a_hundred_events_an_email()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.AddIngestion();
        using var host = builder.Build();

        var options = host.Services.GetRequiredService<IOptions<EarlyEngagementOptions>>().Value;

        Assert.Equal((TimeSpan.FromHours(24), TimeSpan.FromDays(7), 100, TimeSpan.FromHours(1)), (options.Hold, options.ConsentHold, options.MaxPerEmail, options.SweepInterval));
    }

    /// <summary>ContentGeneration's page of one email, consumed by Ingestion.</summary>
    internal static async Task WriteEmailAsync(IngestionApp app, Guid emailId, string userId)
    {
        var page = new EmailsWritten(
            Guid.NewGuid(),
            IngestionApp.Now,
            CampaignId,
            [new WrittenEmailRecord(Guid.NewGuid(), userId, IngestionApp.Now, emailId, IngestionApp.Now, [SentEmails.ShownItem, "22423"], null, CampaignArms.Personalised)]);
        await CampaignEmailsSent.PublishAsync(app, page);
    }

    /// <summary>An Open webhook as Postmark documents it, with Tailor's email id in its Metadata.</summary>
    private static string DocumentedOpen(Guid emailId, string receivedAt = "2024-03-05T09:00:00Z") => $$"""
        {"RecordType": "Open", "MessageStream": "outbound", "Metadata": {"tailor_email_id": "{{emailId:D}}"}, "FirstOpen": true,
         "Recipient": "ada@example.com", "MessageID": "883953f4-6105-42a2-a16a-77a8eac79483", "ReceivedAt": "{{receivedAt}}",
         "Platform": "Mobile", "ReadSeconds": 5, "Tag": "december-picks",
         "UserAgent": "{{Reader}}", "OS": {"Name": "iOS 17.4", "Family": "iOS", "Company": "Apple Computer, Inc."},
         "Client": {"Name": "Safari Mobile", "Family": "Safari", "Company": "Apple Computer, Inc."}, "Geo": {"CountryISOCode": "GB"}
        }
        """;

    private static string SendGridOpen(string id, Guid emailId) =>
        $$"""{"email":"ada@example.com","timestamp":1709629200,"event":"open","sg_event_id":"{{id}}","tailor_email_id":"{{emailId:D}}","useragent":"{{Reader}}"}""";

    // The event ids SendGrid events get, to name a held one by the event it came from.
    private static string SendGridEventKey(Guid eventId) =>
        new[] { "open-1", "open-2", "open-3", "open-4" }.Single(key => Tailor.Ingestion.Mapping.EventIds.From($"webhook:sendgrid:{key}", 0) == eventId);

    private static async Task<HttpResponseMessage> SendAsync(IngestionApp app, HttpRequestMessage request)
    {
        using var client = app.AnonymousClient();
        using (request)
        {
            return await client.SendAsync(request, TestContext.Current.CancellationToken);
        }
    }

    private static async Task<HttpResponseMessage> SendGridAsync(IngestionApp app, string payload)
    {
        using var client = app.AnonymousClient();
        var response = await client.PostAsync(
            "/v1/webhooks/sendgrid", new StringContent(payload, System.Text.Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response;
    }

    private static Task<HttpResponseMessage> ClickAsync(IngestionApp app, Guid emailId) =>
        ClickRedirectTests.GetAsync(app, TailorLinks.Click(emailId, SentEmails.ShownItem), Reader);

    internal static async Task<IReadOnlyList<HeldEngagements>> HeldAsync(IngestionApp app) =>
        await app.Documents.ListAsync<HeldEngagements>(EarlyEngagements.Collection, TestContext.Current.CancellationToken)
            .Select(held => held.Value)
            .ToListAsync(TestContext.Current.CancellationToken);

    private static async Task<IReadOnlyList<string>> HeldJsonAsync(IngestionApp app) =>
        await app.Documents.ListAsync(EarlyEngagements.Collection, TestContext.Current.CancellationToken)
            .Select(held => held.Value)
            .ToListAsync(TestContext.Current.CancellationToken);

    private static async Task<(int Opens, int Clicks)> OpensAndClicksAsync(IngestionApp app)
    {
        using var response = await app.Client.GetAsync($"/v1/campaigns/{CampaignId}/report", TestContext.Current.CancellationToken);
        var total = (await IngestionApp.ReadJsonAsync(response)).GetProperty("total");
        return (total.GetProperty("opens").GetInt32(), total.GetProperty("clicks").GetInt32());
    }

    internal static MetricCollector<long> EarlyCounts(IngestionApp app) =>
        new(app.Services.GetRequiredService<IMeterFactory>(), IngestionMetrics.MeterName, IngestionMetrics.EarlyEngagementsName);

    internal static long Sum(MetricCollector<long> collector, string outcome) =>
        collector.GetMeasurementSnapshot().Where(measurement => (string?)measurement.Tags["outcome"] == outcome).Sum(measurement => measurement.Value);
}
