using System.Net;
using System.Text;
using Tailor.Contracts;

namespace Tailor.Ingestion.Tests.Webhooks;

public sealed class SendGridWebhookTests
{
    [Fact]
    public async Task Events_of_every_kind_become_email_engaged_correlated_to_the_email()
    {
        await using var app = await IngestionApp.StartAsync();
        var emailId = await SentEmails.SendAsync(app);
        var events = new[]
        {
            Event("e-delivered", "delivered", emailId),
            Event("e-open", "open", emailId, """ "sg_machine_open": false, "useragent": "Mozilla/5.0 (iPhone) Mobile/15E148" """),
            Event("e-click", "click", emailId, $""" "url": "{SentEmails.ProductLink(emailId)}" """),
            Event("e-bounce", "bounce", emailId, """ "type": "bounce" """),
            Event("e-blocked", "bounce", emailId, """ "type": "blocked" """),
            Event("e-spam", "spamreport", emailId),
            Event("e-unsub", "group_unsubscribe", emailId),
            Event("e-resub", "group_resubscribe", emailId),
            Event("e-processed", "processed", emailId),
        };

        using var response = await PostAsync(app.AnonymousClient(), $"[{string.Join(',', events)}]");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await IngestionApp.ReadJsonAsync(response);
        Assert.Equal(8, body.GetProperty("accepted").GetInt32());
        Assert.Equal(8, body.GetProperty("skipped")[0].GetProperty("index").GetInt32());
        var engaged = app.Published<EmailEngaged>();
        Assert.Equal(
            [EngagementKind.Delivered, EngagementKind.Open, EngagementKind.Click, EngagementKind.HardBounce, EngagementKind.SoftBounce,
             EngagementKind.Complaint, EngagementKind.Unsubscribe, EngagementKind.Resubscribe],
            engaged.Select(message => message.Kind));
        Assert.All(engaged, message => Assert.Equal((SentEmails.UserId, SentEmails.CampaignId, emailId), (message.UserId, message.CampaignId, message.EmailId)));
        Assert.Equal(SentEmails.ShownItem, Assert.Single(engaged, message => message.Kind == EngagementKind.Click).ItemId);
        Assert.All(engaged, message => Assert.False(message.IsMachineOpen));
        Assert.Equal(8, (await app.RecordedAsync<EmailEngaged>()).Count);
    }

    [Theory]
    [InlineData(""" "sg_machine_open": true """)]
    [InlineData(""" "useragent": "Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)" """)]
    [InlineData(""" "useragent": "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko)" """)]
    public async Task Machine_opens_are_recorded_and_flagged(string marker)
    {
        await using var app = await IngestionApp.StartAsync();
        var emailId = await SentEmails.SendAsync(app);

        using var response = await PostAsync(app.AnonymousClient(), $"[{Event("e-proxy", "open", emailId, marker)}]");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(Assert.Single(app.Published<EmailEngaged>()).IsMachineOpen);
    }

    [Fact]
    public async Task The_same_event_sent_twice_has_one_effect()
    {
        await using var app = await IngestionApp.StartAsync();
        var emailId = await SentEmails.SendAsync(app);
        var payload = $"[{Event("e-once", "open", emailId)}]";

        using var first = await PostAsync(app.AnonymousClient(), payload);
        using var second = await PostAsync(app.AnonymousClient(), payload);

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Single(app.Published<EmailEngaged>());
        Assert.Single(await app.RecordedAsync<EmailEngaged>());
    }

    [Fact]
    public async Task Unsubscribe_withdraws_consent()
    {
        await using var app = await IngestionApp.StartAsync();
        // Consent given before the email, and so before its unsubscribe (events must not be dated after the server's clock).
        await app.PostAsync("/v1/identify", new { userId = SentEmails.UserId, timestamp = "2024-03-05T08:00:00Z", traits = new { email = "ada@example.com", email_consent = true } });
        var emailId = await SentEmails.SendAsync(app);

        using var response = await PostAsync(app.AnonymousClient(), $"[{Event("e-unsubscribe", "unsubscribe", emailId)}]");

        Assert.True(await app.ConsumedAsync<EmailEngaged>());
        var profile = await app.Profiles.ReadAsync(SentEmails.UserId, TestContext.Current.CancellationToken);
        Assert.False(profile!.Contact!.EmailConsent);
    }

    [Fact]
    public async Task Events_naming_no_email_are_acknowledged_counted_and_not_published_and_those_about_unstored_emails_are_held()
    {
        await using var app = await IngestionApp.StartAsync();
        using var counts = new WebhookEventCounts(app);
        var emailId = await SentEmails.SendAsync(app);
        var noEmailId = """{"email":"customer@example.com","timestamp":1709629200,"event":"open","sg_event_id":"e-stranger"}""";

        using var response = await PostAsync(
            app.AnonymousClient(), $"[{noEmailId}, {Event("e-early", "open", Guid.NewGuid())}, {Event("e-known", "open", emailId)}, {Event("e-processed", "processed", emailId)}]");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await IngestionApp.ReadJsonAsync(response);
        Assert.Equal((1, 1, 1), (body.GetProperty("unknownEmail").GetInt32(), body.GetProperty("held").GetInt32(), body.GetProperty("accepted").GetInt32()));
        Assert.Equal(emailId, Assert.Single(app.Published<EmailEngaged>()).EmailId);
        Assert.Equal((1, 1, 1, 1), (counts["unknown_email"], counts["held"], counts["accepted"], counts["skipped"]));
    }

    [Fact]
    public async Task Signed_events_verify_and_forged_missing_stale_or_misdated_signatures_are_refused_saying_why()
    {
        using var signer = new ProviderSigner();
        await using var app = await IngestionApp.StartAsync(configure: signer.Configuration);
        var emailId = await SentEmails.SendAsync(app);
        var payload = $"[{Event("e-signed", "open", emailId)}]";

        using var signed = await SendAsync(app.AnonymousClient(), signer.SendGrid(payload, IngestionApp.Now));
        using var forged = await SendAsync(app.AnonymousClient(), ProviderSigner.Altered(signer.SendGrid(payload, IngestionApp.Now), "\"open\"", "\"click\""));
        using var unsigned = await PostAsync(app.AnonymousClient(), payload);
        using var replayed = await SendAsync(app.AnonymousClient(), signer.SendGrid(payload, IngestionApp.Now.AddHours(-1)));
        using var ahead = await SendAsync(app.AnonymousClient(), signer.SendGrid(payload, IngestionApp.Now.AddHours(1)));
        using var notANumber = await SendAsync(app.AnonymousClient(), signer.SendGrid(payload, "yesterday"));

        Assert.Equal(HttpStatusCode.OK, signed.StatusCode);
        await Problems.TitleAsync(forged, HttpStatusCode.Unauthorized);
        await Problems.TitleAsync(unsigned, HttpStatusCode.Unauthorized);
        Assert.Equal("The signature was made 1 hour ago; at most 10 minutes is accepted.", await Problems.DetailAsync(replayed, HttpStatusCode.Conflict));
        Assert.Contains("dated 1 hour in the future", await Problems.DetailAsync(ahead, HttpStatusCode.Unauthorized), StringComparison.Ordinal);
        Assert.Contains("'yesterday' is not a number", await Problems.DetailAsync(notANumber, HttpStatusCode.Unauthorized), StringComparison.Ordinal);
        Assert.Single(app.Published<EmailEngaged>());
    }

    [Fact]
    public async Task A_bad_event_is_named_and_the_good_ones_are_still_accepted()
    {
        await using var app = await IngestionApp.StartAsync();
        var emailId = await SentEmails.SendAsync(app);

        using var response = await PostAsync(app.AnonymousClient(), $$"""[{{Event("e-good", "open", emailId)}}, {"event": "open", "timestamp": 1709629200}]""");

        var body = await IngestionApp.ReadJsonAsync(response);
        Assert.Equal(1, body.GetProperty("accepted").GetInt32());
        Assert.True(body.GetProperty("rejected").TryGetProperty("$[1].sg_event_id", out _));
    }

    [Fact]
    public async Task Events_dated_outside_the_accepted_range_are_rejected_but_stops_kept_at_their_arrival_and_the_good_ones_still_accepted()
    {
        await using var app = await IngestionApp.StartAsync();
        var emailId = await SentEmails.SendAsync(app);
        var now = IngestionApp.Now.ToUnixTimeSeconds();
        var events = new[]
        {
            Event("e-good", "open", emailId),
            Event("e-millis", "open", emailId, timestamp: now * 1000),
            Event("e-epoch", "click", emailId, timestamp: 0),
            Event("e-negative", "delivered", emailId, timestamp: -86_400),
            Event("e-ahead", "open", emailId, timestamp: now + (2 * 86_400)),
            Event("e-unsubscribe", "unsubscribe", emailId, timestamp: 946_684_799),
            Event("e-spam-millis", "spamreport", emailId, timestamp: now * 1000),
        };

        using var response = await PostAsync(app.AnonymousClient(), $"[{string.Join(',', events)}]");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await IngestionApp.ReadJsonAsync(response);
        Assert.Equal(3, body.GetProperty("accepted").GetInt32());
        var rejected = body.GetProperty("rejected").EnumerateObject().ToDictionary(error => error.Name, error => error.Value[0].GetString()!);
        Assert.Equal(["$[1].timestamp", "$[2].timestamp", "$[3].timestamp", "$[4].timestamp"], rejected.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("1 day ahead", rejected["$[1].timestamp"], StringComparison.Ordinal);
        Assert.Contains("Unix seconds", rejected["$[1].timestamp"], StringComparison.Ordinal);
        Assert.Contains("before 2000-01-01", rejected["$[2].timestamp"], StringComparison.Ordinal);
        // A stop is never refused for its time (refused, the person would be emailed again): it is dated when it arrived.
        var engaged = app.Published<EmailEngaged>().ToDictionary(message => message.Kind);
        Assert.Equal(
            [EngagementKind.Open, EngagementKind.Complaint, EngagementKind.Unsubscribe],
            engaged.Keys.Order());
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1709629200), engaged[EngagementKind.Open].OccurredAt);
        Assert.Equal(IngestionApp.Now, engaged[EngagementKind.Unsubscribe].OccurredAt);
        Assert.Equal(IngestionApp.Now, engaged[EngagementKind.Complaint].OccurredAt);
    }

    [Theory]
    [InlineData("Unsubscribed Address", EngagementKind.Unsubscribe)]
    [InlineData("Bounced Address", EngagementKind.HardBounce)]
    [InlineData("Invalid", EngagementKind.HardBounce)]
    [InlineData("Spam Reporting Address", EngagementKind.Complaint)]
    public async Task A_drop_for_the_address_suppresses_it_and_keeps_the_reason(string reason, EngagementKind expected)
    {
        using var signer = new ProviderSigner();
        await using var app = await IngestionApp.StartAsync(configure: signer.Configuration);
        using var counts = new WebhookEventCounts(app);
        await Recipient.IdentifyAsync(app);
        var emailId = await SentEmails.SendAsync(app);

        using var response = await SendAsync(app.AnonymousClient(), signer.SendGrid($"[{Dropped("e-drop", emailId, reason)}]", IngestionApp.Now));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, (await Recipient.AppliedAsync(app, $"sendgrid:dropped:{reason}")).Kind);
        Assert.True(await Recipient.SuppressedInProfileAsync(app));
        Assert.Equal((1, 0), (counts["accepted"], counts["skipped"]));
        var suppression = (await IngestionApp.ReadJsonAsync(await app.Client.GetAsync($"/v1/users/{SentEmails.UserId}/export", TestContext.Current.CancellationToken)))
            .GetProperty("suppression");
        Assert.Equal(
            (expected.ToString(), $"sendgrid:dropped:{reason}", false),
            (suppression.GetProperty("reason").GetString(), suppression.GetProperty("source").GetString(), suppression.GetProperty("lifted").GetBoolean()));
    }

    [Theory]
    [InlineData("Spam Content")]
    [InlineData("Invalid SMTPAPI header")]
    [InlineData("Duplicate message")]
    public async Task A_drop_for_the_message_suppresses_nothing_and_is_counted_as_skipped(string reason)
    {
        using var signer = new ProviderSigner();
        await using var app = await IngestionApp.StartAsync(configure: signer.Configuration);
        using var counts = new WebhookEventCounts(app);
        await Recipient.IdentifyAsync(app);
        var emailId = await SentEmails.SendAsync(app);

        using var response = await SendAsync(app.AnonymousClient(), signer.SendGrid($"[{Dropped("e-drop", emailId, reason)}]", IngestionApp.Now));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(reason, (await IngestionApp.ReadJsonAsync(response)).GetProperty("skipped")[0].GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal((0, 1), (counts["accepted"], counts["skipped"]));
        Assert.Empty(app.Published<EmailEngaged>());
        Assert.Null(await Recipient.SuppressionAsync(app));
        Assert.False(await Recipient.SuppressedInProfileAsync(app));
    }

    /// <summary>A <c>dropped</c> event shaped as SendGrid's Event Webhook reference shows it, with Tailor's custom argument.</summary>
    private static string Dropped(string id, Guid emailId, string reason) => $$"""
        {"email": "ada@example.com", "timestamp": 1709629200, "smtp-id": "<14c5d75ce93.dfd.64b469@ismtpd-555>", "event": "dropped",
         "category": ["december-picks"], "sg_event_id": "{{id}}", "sg_message_id": "14c5d75ce93.dfd.64b469.filter0001.16648.5515E0B88.0",
         "reason": "{{reason}}", "status": "5.0.0", "tailor_email_id": "{{emailId:D}}"}
        """;

    private static string Event(string id, string kind, Guid emailId, string extra = "", long timestamp = 1709629200) =>
        $$"""{"email":"ada@example.com","timestamp":{{timestamp}},"event":"{{kind}}","sg_event_id":"{{id}}","sg_message_id":"m-1.filter","tailor_email_id":"{{emailId:D}}"{{(extra.Length > 0 ? "," + extra : "")}}}""";

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string payload) =>
        SendAsync(client, new HttpRequestMessage(HttpMethod.Post, "/v1/webhooks/sendgrid") { Content = new StringContent(payload, Encoding.UTF8, "application/json") });

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpRequestMessage request)
    {
        using (client)
        using (request)
        {
            return await client.SendAsync(request, TestContext.Current.CancellationToken);
        }
    }
}
