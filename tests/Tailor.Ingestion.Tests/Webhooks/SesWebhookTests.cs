using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Tailor.Contracts;
using Tailor.Ingestion.Webhooks.Ses;

namespace Tailor.Ingestion.Tests.Webhooks;

/// <summary>SES through SNS, signed with a certificate made here the way SNS signs (RSA, PKCS#1, SHA-256 for version 2).</summary>
public sealed class SesWebhookTests : IDisposable
{
    private readonly ProviderSigner _signer = new();

    [Theory]
    [InlineData("Delivery", """ "delivery": {"timestamp": "2024-03-05T09:00:00Z"} """, EngagementKind.Delivered)]
    [InlineData("Open", """ "open": {"timestamp": "2024-03-05T09:00:00Z", "userAgent": "Mozilla/5.0 (iPhone)"} """, EngagementKind.Open)]
    [InlineData("Bounce", """ "bounce": {"bounceType": "Permanent", "timestamp": "2024-03-05T09:00:00Z"} """, EngagementKind.HardBounce)]
    [InlineData("Bounce", """ "bounce": {"bounceType": "Transient", "timestamp": "2024-03-05T09:00:00Z"} """, EngagementKind.SoftBounce)]
    [InlineData("Complaint", """ "complaint": {"timestamp": "2024-03-05T09:00:00Z"} """, EngagementKind.Complaint)]
    [InlineData("Subscription", """ "subscription": {"contactList": "news", "timestamp": "2024-03-05T09:00:00Z", "source": "UnsubscribeHeader", "newTopicPreferences": {"unsubscribeAll": true} } """, EngagementKind.Unsubscribe)]
    [InlineData("Subscription", """ "subscription": {"contactList": "news", "timestamp": "2024-03-05T09:00:00Z", "source": "UnsubscribeHeader", "newTopicPreferences": {"unsubscribeAll": false}, "oldTopicPreferences": {"unsubscribeAll": true} } """, EngagementKind.Resubscribe)]
    public async Task Signed_notifications_map_to_their_kind(string eventType, string detail, EngagementKind expected)
    {
        await using var app = await IngestionApp.StartAsync(configure: _signer.Configuration);
        var emailId = await SentEmails.SendAsync(app);
        var sesEvent = $$"""{"eventType": "{{eventType}}", "mail": {"timestamp": "2024-03-05T08:59:00Z", "messageId": "0100-ses", "tags": {"tailor_email_id": ["{{emailId:D}}"]} }, {{detail}} }""";

        using var response = await SendAsync(app, _signer.SnsNotification(Guid.NewGuid().ToString(), sesEvent));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var engaged = Assert.Single(app.Published<EmailEngaged>());
        Assert.Equal((expected, emailId), (engaged.Kind, engaged.EmailId));
    }

    [Theory]
    [InlineData(""" "open": {"timestamp": "3000-01-01T00:00:00Z"} """, "Message.open.timestamp", "1 day ahead")]
    [InlineData(""" "open": {"timestamp": "1999-12-31T23:59:59Z"} """, "Message.open.timestamp", "before 2000-01-01")]
    [InlineData(""" "open": {} """, "Message.mail.timestamp", "1 day ahead")]
    public async Task An_event_dated_outside_the_accepted_range_is_a_400_naming_its_time(string detail, string field, string message)
    {
        await using var app = await IngestionApp.StartAsync(configure: _signer.Configuration);
        var emailId = await SentEmails.SendAsync(app);
        var sesEvent = $$"""{"eventType": "Open", "mail": {"timestamp": "3000-01-01T00:00:00Z", "tags": {"tailor_email_id": ["{{emailId:D}}"]} }, {{detail}} }""";

        using var response = await SendAsync(app, _signer.SnsNotification("far-1", sesEvent));

        var errors = await Problems.ValidationErrorsAsync(response);
        Assert.Equal([field], errors.Keys);
        Assert.Contains(message, Assert.Single(errors[field]), StringComparison.Ordinal);
        Assert.Empty(app.Published<EmailEngaged>());
    }

    [Theory]
    [InlineData("3000-01-01T00:00:00Z")]
    [InlineData("not a time")]
    public async Task A_complaint_dated_outside_the_accepted_range_is_kept_at_the_time_it_arrived(string timestamp)
    {
        await using var app = await IngestionApp.StartAsync(configure: _signer.Configuration);
        var emailId = await SentEmails.SendAsync(app);
        var sesEvent = $$"""{"eventType": "Complaint", "mail": {"timestamp": "{{timestamp}}", "tags": {"tailor_email_id": ["{{emailId:D}}"]} }, "complaint": {"timestamp": "{{timestamp}}"} }""";

        using var response = await SendAsync(app, _signer.SnsNotification("far-stop", sesEvent));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stop = Assert.Single(app.Published<EmailEngaged>());
        Assert.Equal((EngagementKind.Complaint, IngestionApp.Now), (stop.Kind, stop.OccurredAt));
    }

    [Fact]
    public async Task The_email_id_header_correlates_a_click_and_its_item()
    {
        await using var app = await IngestionApp.StartAsync(configure: _signer.Configuration);
        var emailId = await SentEmails.SendAsync(app);
        var sesEvent = $$"""
            {"eventType": "Click", "mail": {"timestamp": "2024-03-05T08:59:00Z", "headers": [{"name": "X-Tailor-Email-Id", "value": "{{emailId:D}}"} ]},
             "click": {"timestamp": "2024-03-05T09:00:00Z", "link": "{{SentEmails.ProductLink(emailId)}}"} }
            """;

        using var response = await SendAsync(app, _signer.SnsNotification("click-1", sesEvent));

        var click = Assert.Single(app.Published<EmailEngaged>());
        Assert.Equal((EngagementKind.Click, SentEmails.ShownItem), (click.Kind, click.ItemId));
    }

    [Fact]
    public async Task A_notification_altered_after_signing_is_401()
    {
        await using var app = await IngestionApp.StartAsync(configure: _signer.Configuration);
        var emailId = await SentEmails.SendAsync(app);
        var sesEvent = $$"""{"eventType": "Delivery", "mail": {"timestamp": "2024-03-05T08:59:00Z", "tags": {"tailor_email_id": ["{{emailId:D}}"]} }, "delivery": {"timestamp": "2024-03-05T09:00:00Z"} }""";
        var forged = ProviderSigner.Altered(_signer.SnsNotification("n-1", sesEvent), "Delivery", "Complaint");

        using var response = await SendAsync(app, forged);

        await Problems.TitleAsync(response, HttpStatusCode.Unauthorized);
        Assert.Empty(app.Published<EmailEngaged>());
    }

    [Fact]
    public async Task A_subscription_confirmation_visits_the_sns_url_and_only_an_sns_url()
    {
        var visits = new RecordingHandler();
        await using var app = await IngestionApp.StartAsync(
            services => services.AddHttpClient<SnsSubscriptionConfirmer>().ConfigurePrimaryHttpMessageHandler(() => visits),
            _signer.Configuration);
        const string subscribe = "https://sns.eu-west-1.amazonaws.com/?Action=ConfirmSubscription&TopicArn=t&Token=2336412f37";

        using var confirmed = await SendAsync(app, _signer.SnsConfirmation(subscribe));
        using var refused = await SendAsync(app, _signer.SnsConfirmation("http://169.254.169.254/latest/meta-data/"));

        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal([new Uri(subscribe)], visits.Visited);
    }

    [Fact]
    public async Task A_legacy_bounce_notification_signed_with_version_1_is_a_hard_bounce()
    {
        await using var app = await IngestionApp.StartAsync(configure: _signer.Configuration);
        var emailId = await SentEmails.SendAsync(app);
        var notification = $$"""
            {"notificationType": "Bounce",
             "bounce": {"bounceType": "Permanent", "bounceSubType": "General", "bouncedRecipients": [{"emailAddress": "ada@example.com"}], "timestamp": "2024-03-05T09:00:00Z"},
             "mail": {"timestamp": "2024-03-05T08:59:00Z", "messageId": "0100-ses", "headers": [{"name": "X-Tailor-Email-Id", "value": "{{emailId:D}}"}] } }
            """;

        using var response = await SendAsync(app, _signer.SnsNotification("legacy-1", notification, signatureVersion: "1"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bounce = Assert.Single(app.Published<EmailEngaged>());
        Assert.Equal((EngagementKind.HardBounce, emailId, SentEmails.UserId), (bounce.Kind, bounce.EmailId, bounce.UserId));
    }

    [Fact]
    public async Task An_open_by_apple_privacy_protection_is_recorded_and_flagged()
    {
        await using var app = await IngestionApp.StartAsync(configure: _signer.Configuration);
        var emailId = await SentEmails.SendAsync(app);
        var sesEvent = $$"""
            {"eventType": "Open", "mail": {"timestamp": "2024-03-05T08:59:00Z", "tags": {"tailor_email_id": ["{{emailId:D}}"]} },
             "open": {"timestamp": "2024-03-05T09:00:00Z", "ipAddress": "17.58.0.1", "userAgent": "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko)"} }
            """;

        using var response = await SendAsync(app, _signer.SnsNotification("mpp-1", sesEvent));

        var open = Assert.Single(app.Published<EmailEngaged>());
        Assert.True(open.IsMachineOpen);
        Assert.Single(await app.RecordedAsync<EmailEngaged>());
    }

    [Fact]
    public async Task A_confirmation_sns_refuses_is_a_502_problem()
    {
        var visits = new RecordingHandler(HttpStatusCode.Forbidden);
        await using var app = await IngestionApp.StartAsync(
            services => services.AddHttpClient<SnsSubscriptionConfirmer>().ConfigurePrimaryHttpMessageHandler(() => visits),
            _signer.Configuration);

        using var response = await SendAsync(app, _signer.SnsConfirmation("https://sns.eu-west-1.amazonaws.com/?Action=ConfirmSubscription&Token=expired"));

        Assert.Equal("Subscription not confirmed", await Problems.TitleAsync(response, HttpStatusCode.BadGateway));
        Assert.Single(visits.Visited);
    }

    [Fact]
    public async Task The_event_publishing_setup_notification_is_acknowledged_counted_as_skipped_and_records_nothing()
    {
        await using var app = await IngestionApp.StartAsync(configure: _signer.Configuration);
        using var counts = new WebhookEventCounts(app);
        const string setup = "Successfully validated SNS topic for Amazon SES event publishing.";

        using var response = await SendAsync(app, _signer.SnsNotification("5a3c1f0e-setup", setup));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await IngestionApp.ReadJsonAsync(response);
        Assert.Equal(0, body.GetProperty("accepted").GetInt32());
        Assert.Contains("set up", Assert.Single(body.GetProperty("skipped").EnumerateArray()).GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal((1, 0, 0), (counts["skipped"], counts["accepted"], counts["unknown_email"]));
        Assert.Empty(app.Published<EmailEngaged>());
        Assert.Empty(await app.RecordedAsync<EmailEngaged>());
    }

    [Fact]
    public async Task The_setup_notification_is_still_verified_first()
    {
        await using var app = await IngestionApp.StartAsync(configure: _signer.Configuration);
        var forged = ProviderSigner.Altered(
            _signer.SnsNotification("5a3c1f0e-setup", "Successfully validated SNS topic for Amazon SES event publishing."), "5a3c1f0e", "00000000");

        using var response = await SendAsync(app, forged);

        await Problems.TitleAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_topic_opt_out_never_lifts_an_all_topics_unsubscribe_and_only_opting_back_in_to_everything_does()
    {
        await using var app = await IngestionApp.StartAsync(configure: _signer.Configuration);
        await Recipient.IdentifyAsync(app);
        var emailId = await SentEmails.SendAsync(app);

        using var unsubscribedAll = await SendAsync(app, _signer.SnsNotification("sub-1", Subscription(
            emailId, "2024-03-05T09:00:00Z", now: """{"unsubscribeAll": true, "topicSubscriptionStatus": [{"topicName": "Weekly", "subscriptionStatus": "OptIn"}]}""",
            before: """{"unsubscribeAll": false, "topicSubscriptionStatus": [{"topicName": "Weekly", "subscriptionStatus": "OptIn"}]}""")));
        await Recipient.AppliedAsync(app, "ses:subscription:unsubscribeAll");
        using var optedOutOfOneTopic = await SendAsync(app, _signer.SnsNotification("sub-2", Subscription(
            emailId, "2024-03-05T09:05:00Z", now: """{"unsubscribeAll": false, "topicSubscriptionStatus": [{"topicName": "Weekly", "subscriptionStatus": "OptOut"}]}""",
            before: """{"unsubscribeAll": true, "topicSubscriptionStatus": [{"topicName": "Weekly", "subscriptionStatus": "OptIn"}]}""")));
        var topicOptOut = await Recipient.AppliedAsync(app, "ses:subscription:OptOut:Weekly");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (unsubscribedAll.StatusCode, optedOutOfOneTopic.StatusCode));
        Assert.Equal(EngagementKind.Unsubscribe, topicOptOut.Kind);
        Assert.True(await Recipient.SuppressedInProfileAsync(app));
        Assert.Equal(("ses:subscription:OptOut:Weekly", false), await SourceAndLiftedAsync(app));

        using var optedBackIn = await SendAsync(app, _signer.SnsNotification("sub-3", Subscription(
            emailId, "2024-03-05T09:10:00Z", now: """{"unsubscribeAll": false, "topicSubscriptionStatus": [{"topicName": "Weekly", "subscriptionStatus": "OptIn"}]}""",
            before: """{"unsubscribeAll": false, "topicSubscriptionStatus": [{"topicName": "Weekly", "subscriptionStatus": "OptOut"}]}""")));
        await Recipient.AppliedAsync(app, "ses:subscription:resubscribed");

        Assert.False(await Recipient.SuppressedInProfileAsync(app));
        Assert.Equal(("ses:subscription:OptOut:Weekly", true), await SourceAndLiftedAsync(app));
    }

    // Each row: the preferences after and before the change; null expected means acknowledged as skipped, nothing recorded.
    [Theory]
    [InlineData("""{"unsubscribeAll": false, "topicSubscriptionStatus": [{"topicName": "Weekly", "subscriptionStatus": "OptIn"}, {"topicName": "Offers", "subscriptionStatus": "OptIn"}]}""",
        """{"unsubscribeAll": false, "topicSubscriptionStatus": [{"topicName": "Weekly", "subscriptionStatus": "OptIn"}]}""", null)]
    [InlineData("""{"unsubscribeAll": false, "topicSubscriptionStatus": [{"topicName": "Weekly", "subscriptionStatus": "OptIn"}]}""", null, null)]
    [InlineData("""{"unsubscribeAll": false, "topicSubscriptionStatus": [], "topicDefaultSubscriptionStatus": "OptOut"}""", """{"unsubscribeAll": true, "topicSubscriptionStatus": []}""", null)]
    [InlineData("""{"unsubscribeAll": false, "topicSubscriptionStatus": [{"topicName": "Weekly", "subscriptionStatus": "Maybe"}]}""", """{"unsubscribeAll": true, "topicSubscriptionStatus": []}""", null)]
    [InlineData("""{"unsubscribeAll": false, "topicSubscriptionStatus": [{"topicName": "Offers", "subscriptionStatus": "OptOut"}]}""", """{"unsubscribeAll": false, "topicSubscriptionStatus": []}""", EngagementKind.Unsubscribe)]
    [InlineData("""{"unsubscribeAll": false, "topicSubscriptionStatus": [{"topicName": "Offers", "subscriptionStatus": "OptIn"}]}""", """{"unsubscribeAll": true, "topicSubscriptionStatus": []}""", EngagementKind.Resubscribe)]
    public async Task Subscription_changes_lift_a_suppression_only_when_everything_is_opted_in_again(string now, string? before, EngagementKind? expected)
    {
        await using var app = await IngestionApp.StartAsync(configure: _signer.Configuration);
        var emailId = await SentEmails.SendAsync(app);

        using var response = await SendAsync(app, _signer.SnsNotification("sub-1", Subscription(emailId, "2024-03-05T09:00:00Z", now, before)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, app.Published<EmailEngaged>().SingleOrDefault()?.Kind);
        var skipped = (await IngestionApp.ReadJsonAsync(response)).GetProperty("skipped").GetArrayLength();
        Assert.Equal(expected is null ? 1 : 0, skipped);
    }

    public void Dispose() => _signer.Dispose();

    /// <summary>A <c>Subscription</c> event shaped as SES documents it for event publishing to SNS.</summary>
    private static string Subscription(Guid emailId, string changedAt, string now, string? before) => $$"""
        {"eventType": "Subscription",
         "mail": {"timestamp": "2024-03-05T08:59:00.000Z", "source": "Shop <news@shop.example>", "sendingAccountId": "123456789012",
                  "destination": ["ada@example.com"], "messageId": "0100017e4bccb684-EXAMPLE", "headersTruncated": false,
                  "tags": {"ses:configuration-set": ["tailor"], "tailor_email_id": ["{{emailId:D}}"]} },
         "subscription": {"contactList": "Newsletter", "timestamp": "{{changedAt}}", "source": "UnsubscribeHeader",
                          "newTopicPreferences": {{now}}{{(before is null ? "" : $", \"oldTopicPreferences\": {before}")}} } }
        """;

    private static async Task<(string? Source, bool Lifted)> SourceAndLiftedAsync(IngestionApp app) =>
        await Recipient.SuppressionAsync(app) is { } suppression ? (suppression.Source, suppression.Lifted) : (null, false);

    private static async Task<HttpResponseMessage> SendAsync(IngestionApp app, HttpRequestMessage request)
    {
        using var client = app.AnonymousClient();
        using (request)
        {
            return await client.SendAsync(request, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>Stands in for AWS, which this machine cannot reach: records where the confirmation went.</summary>
    private sealed class RecordingHandler(HttpStatusCode answer = HttpStatusCode.OK) : HttpMessageHandler
    {
        public List<Uri> Visited { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Visited.Add(request.RequestUri!);
            return Task.FromResult(new HttpResponseMessage(answer));
        }
    }
}
