using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Tailor.Contracts;
using Tailor.Ingestion.Engagements;
using Tailor.Ingestion.Tests.Webhooks;
using Tailor.Storage;
using Tailor.Storage.Sqlite;
using Tailor.Testing;

namespace Tailor.Ingestion.Tests.Links;

/// <summary>
/// An unsubscribe (or resubscribe) through an email's own link that arrives before Ingestion has stored the email (its
/// <c>EmailsWritten</c> page still queued behind the sender's <c>EmailReady</c>) is held, answered as recorded, and
/// applied, in the order it was made, once the page arrives: an unsubscribe is never lost.
/// </summary>
public sealed class EarlyUnsubscribeTests
{
    [Fact]
    public async Task Unsubscribing_on_the_page_before_its_email_is_stored_says_so_and_suppresses_once_the_page_arrives()
    {
        await using var app = await UnsubscribeTests.StartAsync();
        var emailId = Guid.NewGuid();
        using var question = await app.AnonymousClient().GetAsync(TailorLinks.Unsubscribe(emailId), TestContext.Current.CancellationToken);
        var form = Assert.Single((await UnsubscribeTests.ParseAsync(question)).Forms);

        using var pressed = await PressAsync(app, form.GetAttribute("action")!);

        Assert.Equal(HttpStatusCode.OK, pressed.StatusCode);
        var page = await UnsubscribeTests.ParseAsync(pressed);
        Assert.Equal("Your unsubscribe is recorded", page.QuerySelector("h1")?.TextContent);
        Assert.Contains("We have your request. Hearth & Home is still sending this round of emails", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(TailorLinks.Resubscribe(emailId), Assert.Single(page.Forms).GetAttribute("action"));
        Assert.False(await UnsubscribeTests.SuppressedAsync(app));
        Assert.Empty(app.Published<EmailEngaged>());

        await EarlyEngagementTests.WriteEmailAsync(app, emailId, SentEmails.UserId);

        Assert.True(await UnsubscribeTests.SuppressedAsync(app));
        Assert.False((await app.ContactAsync(SentEmails.UserId)).EmailConsent);
        var unsubscribe = Assert.Single(app.Published<EmailEngaged>());
        Assert.Equal(
            (EngagementKind.Unsubscribe, SentEmails.UserId, emailId, SentEmails.CampaignId, IngestionApp.Now),
            (unsubscribe.Kind, unsubscribe.UserId, unsubscribe.EmailId, unsubscribe.CampaignId, unsubscribe.OccurredAt));
        Assert.Empty(await EarlyEngagementTests.HeldAsync(app));
    }

    [Fact]
    public async Task A_one_click_post_before_its_email_is_a_200_and_suppresses_once_the_page_arrives()
    {
        await using var app = await UnsubscribeTests.StartAsync();
        var emailId = Guid.NewGuid();

        using var response = await UnsubscribeTests.OneClickAsync(app, emailId);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Equal(EngagementKind.Unsubscribe, Assert.Single(Assert.Single(await EarlyEngagementTests.HeldAsync(app)).Engagements).Engagement.Kind);

        await EarlyEngagementTests.WriteEmailAsync(app, emailId, SentEmails.UserId);

        Assert.True(await UnsubscribeTests.SuppressedAsync(app));
        Assert.Equal(EngagementKind.Unsubscribe, Assert.Single(await app.RecordedAsync<EmailEngaged>()).Kind);
    }

    [Fact]
    public async Task Unsubscribing_then_resubscribing_before_the_email_ends_subscribed_in_the_order_pressed()
    {
        await using var first = await UnsubscribeTests.StartAsync();
        await using var minuteLater = await IngestionApp.StartAsync(configure: TailorLinks.Settings, replicaOf: first, now: IngestionApp.Now.AddMinutes(1));
        var emailId = Guid.NewGuid();

        using var unsubscribed = await UnsubscribeTests.OneClickAsync(first, emailId);
        using var resubscribed = await minuteLater.AnonymousClient().PostAsync(TailorLinks.Resubscribe(emailId), new FormUrlEncodedContent([]), TestContext.Current.CancellationToken);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (unsubscribed.StatusCode, resubscribed.StatusCode));
        Assert.Equal("Your request is recorded", (await UnsubscribeTests.ParseAsync(resubscribed)).QuerySelector("h1")?.TextContent);

        await EarlyEngagementTests.WriteEmailAsync(minuteLater, emailId, SentEmails.UserId);

        Assert.False(await UnsubscribeTests.SuppressedAsync(minuteLater));
        Assert.True((await minuteLater.ContactAsync(SentEmails.UserId)).EmailConsent);
        var changes = minuteLater.Published<EmailEngaged>();
        Assert.Equal([EngagementKind.Unsubscribe, EngagementKind.Resubscribe], changes.Select(change => change.Kind));
        Assert.Equal([IngestionApp.Now, IngestionApp.Now.AddMinutes(1)], changes.Select(change => change.OccurredAt));
    }

    [Fact]
    public async Task An_email_stored_between_the_lookup_and_the_hold_is_unsubscribed_at_once()
    {
        var emailId = Guid.NewGuid();
        var overtaking = new OvertakingWriter();
        await using var app = await UnsubscribeTests.StartAsync(services => services.Replace(ServiceDescriptor.Singleton<IDocumentStore>(provider => new DocumentWriteOvertaken(
            new SqliteDocumentStore(provider.GetRequiredService<SqliteDatabase>()),
            EarlyEngagements.Collection,
            HeldEngagementDays.Id(emailId, HeldEngagementDays.DayOf(IngestionApp.Now)),
            overtaking))));

        // The page is consumed after the press found no email and before it was held: the consumer finds nothing held,
        // so only the press's second look can apply it.
        overtaking.Arm(() => EarlyEngagementTests.WriteEmailAsync(app, emailId, SentEmails.UserId));
        using var response = await UnsubscribeTests.OneClickAsync(app, emailId);

        Assert.True(overtaking.Overtook);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("You are unsubscribed", (await UnsubscribeTests.ParseAsync(response)).QuerySelector("h1")?.TextContent);
        Assert.True(await UnsubscribeTests.SuppressedAsync(app));
        Assert.Equal(EngagementKind.Unsubscribe, Assert.Single(app.Published<EmailEngaged>()).Kind);
        Assert.Empty(await EarlyEngagementTests.HeldAsync(app));
    }

    [Fact]
    public async Task Pressing_again_before_and_after_the_email_is_stored_has_one_effect()
    {
        await using var app = await UnsubscribeTests.StartAsync();
        await using var minuteLater = await IngestionApp.StartAsync(configure: TailorLinks.Settings, replicaOf: app, now: IngestionApp.Now.AddMinutes(1));
        var emailId = Guid.NewGuid();

        using var first = await UnsubscribeTests.OneClickAsync(app, emailId);
        using var retried = await UnsubscribeTests.OneClickAsync(app, emailId);
        using var again = await UnsubscribeTests.OneClickAsync(minuteLater, emailId);

        Assert.Single(Assert.Single(await EarlyEngagementTests.HeldAsync(app)).Engagements);

        await EarlyEngagementTests.WriteEmailAsync(minuteLater, emailId, SentEmails.UserId);
        using var afterStored = await UnsubscribeTests.OneClickAsync(minuteLater, emailId);

        Assert.Equal("You are unsubscribed", (await UnsubscribeTests.ParseAsync(afterStored)).QuerySelector("h1")?.TextContent);
        Assert.True(await UnsubscribeTests.SuppressedAsync(app));
        Assert.Single(minuteLater.Published<EmailEngaged>());
        Assert.Single(await minuteLater.RecordedAsync<EmailEngaged>());
    }

    [Fact]
    public async Task A_fresh_host_on_the_same_store_applies_what_the_old_one_held_past_the_engagement_hold()
    {
        await using var before = await UnsubscribeTests.StartAsync();
        var emailId = Guid.NewGuid();
        using var unsubscribed = await UnsubscribeTests.OneClickAsync(before, emailId);

        // A day and an hour later: past the engagements' hold (24 h), within the consent changes' (7 days).
        await using var after = await IngestionApp.StartAsync(configure: TailorLinks.Settings, replicaOf: before, now: IngestionApp.Now.AddHours(25));
        using var early = EarlyEngagementTests.EarlyCounts(after);
        await EarlyEngagementTests.WriteEmailAsync(after, emailId, SentEmails.UserId);

        Assert.Empty(before.Published<EmailEngaged>());
        Assert.True(await UnsubscribeTests.SuppressedAsync(after));
        Assert.Equal(EngagementKind.Unsubscribe, Assert.Single(after.Published<EmailEngaged>()).Kind);
        Assert.Equal((1L, 0L), (EarlyEngagementTests.Sum(early, "released"), EarlyEngagementTests.Sum(early, "consent_expired")));
        Assert.Empty(await EarlyEngagementTests.HeldAsync(after));
    }

    [Fact]
    public async Task A_consent_change_whose_email_never_comes_expires_after_the_consent_hold_with_a_warning_and_a_count()
    {
        await using var holder = await UnsubscribeTests.StartAsync();
        await using var threeDaysLater = await IngestionApp.StartAsync(configure: TailorLinks.Settings, replicaOf: holder, now: IngestionApp.Now.AddDays(3));
        await using var nineDaysLater = await IngestionApp.StartAsync(configure: TailorLinks.Settings, replicaOf: holder, now: IngestionApp.Now.AddDays(9));
        using var early = EarlyEngagementTests.EarlyCounts(nineDaysLater);
        var neverStored = Guid.NewGuid();
        using var unsubscribed = await UnsubscribeTests.OneClickAsync(holder, neverStored);

        // Kept past the engagements' hold; dropped past the consent hold.
        await threeDaysLater.Services.GetRequiredService<HeldEngagementSweep>().SweepAsync(TestContext.Current.CancellationToken);
        Assert.Single(await EarlyEngagementTests.HeldAsync(threeDaysLater));
        await nineDaysLater.Services.GetRequiredService<HeldEngagementSweep>().SweepAsync(TestContext.Current.CancellationToken);

        Assert.Empty(await EarlyEngagementTests.HeldAsync(nineDaysLater));
        Assert.Equal((1L, 0L), (EarlyEngagementTests.Sum(early, "consent_expired"), EarlyEngagementTests.Sum(early, "expired")));
        var warning = Assert.Single(nineDaysLater.Logs.GetSnapshot(), record => record.Id.Id == 1905);
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Warning, warning.Level);
        Assert.DoesNotContain(neverStored.ToString("D"), warning.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Erasing_a_user_deletes_a_consent_change_still_held_for_their_stored_email()
    {
        await using var app = await UnsubscribeTests.StartAsync();
        var emailId = Guid.NewGuid();
        using var unsubscribed = await UnsubscribeTests.OneClickAsync(app, emailId);

        // Stored without releasing, as a release interrupted before its delete leaves it.
        await app.Documents.UpsertAsync(
            Ingestion.Webhooks.EmailsWrittenConsumer.Collection,
            emailId.ToString("D"),
            System.Text.Json.JsonSerializer.Serialize(new Ingestion.Webhooks.SentEmail(emailId, SentEmails.UserId, SentEmails.CampaignId, [], null, null), StoreJson.Options),
            TestContext.Current.CancellationToken);
        using var erased = await app.Client.DeleteAsync($"/v1/users/{SentEmails.UserId}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Accepted, erased.StatusCode);
        Assert.Empty(await EarlyEngagementTests.HeldAsync(app));
    }

    private static async Task<HttpResponseMessage> PressAsync(IngestionApp app, string action)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, action) { Content = new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]) };
        request.Headers.Accept.ParseAdd("text/html");
        return await app.AnonymousClient().SendAsync(request, TestContext.Current.CancellationToken);
    }
}
