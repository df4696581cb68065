using System.Net;
using Tailor.Contracts;

namespace Tailor.Ingestion.Tests.Webhooks;

public sealed class MailgunWebhookTests
{
    private const string SigningKey = ProviderSigner.MailgunSigningKey;

    private static readonly Dictionary<string, string?> Configured = new() { ["Tailor:Ingestion:Webhooks:MailgunSigningKey"] = SigningKey };

    [Theory]
    [InlineData("delivered", "", EngagementKind.Delivered)]
    [InlineData("opened", "", EngagementKind.Open)]
    [InlineData("clicked", "", EngagementKind.Click)]
    [InlineData("failed", "permanent", EngagementKind.HardBounce)]
    [InlineData("failed", "temporary", EngagementKind.SoftBounce)]
    [InlineData("complained", "", EngagementKind.Complaint)]
    [InlineData("unsubscribed", "", EngagementKind.Unsubscribe)]
    public async Task Signed_events_map_to_their_kind(string eventName, string severity, EngagementKind expected)
    {
        await using var app = await IngestionApp.StartAsync(configure: Configured);
        var emailId = await SentEmails.SendAsync(app);

        using var response = await SendAsync(app, Signed(SigningKey, Guid.NewGuid().ToString("N"), eventName, severity, emailId));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var engaged = Assert.Single(app.Published<EmailEngaged>());
        Assert.Equal((expected, SentEmails.UserId, emailId), (engaged.Kind, engaged.UserId, engaged.EmailId));
    }

    [Fact]
    public async Task A_replayed_token_is_refused_and_has_no_second_effect()
    {
        await using var app = await IngestionApp.StartAsync(configure: Configured);
        var emailId = await SentEmails.SendAsync(app);

        using var first = await SendAsync(app, Signed(SigningKey, "token-once", "opened", "", emailId));
        using var replayed = await SendAsync(app, Signed(SigningKey, "token-once", "opened", "", emailId));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("Webhook replayed", await Problems.TitleAsync(replayed, HttpStatusCode.Conflict));
        Assert.Single(app.Published<EmailEngaged>());
    }

    [Fact]
    public async Task A_forged_signature_is_401_and_nothing_is_kept()
    {
        await using var app = await IngestionApp.StartAsync(configure: Configured);
        var emailId = await SentEmails.SendAsync(app);

        using var response = await SendAsync(app, Signed("key-not-mailguns", "token-forged", "opened", "", emailId));

        await Problems.TitleAsync(response, HttpStatusCode.Unauthorized);
        Assert.Empty(app.Published<EmailEngaged>());
        Assert.Empty(await app.RecordedAsync<EmailEngaged>());
    }

    [Fact]
    public async Task Without_a_signing_key_the_endpoint_is_404()
    {
        await using var app = await IngestionApp.StartAsync();

        using var response = await SendAsync(app, Signed(SigningKey, "token", "opened", "", Guid.NewGuid()));

        Assert.Equal("Webhook not configured", await Problems.TitleAsync(response, HttpStatusCode.NotFound));
    }

    [Fact]
    public async Task An_open_by_an_image_proxy_is_recorded_and_flagged()
    {
        await using var app = await IngestionApp.StartAsync(configure: Configured);
        var emailId = await SentEmails.SendAsync(app);
        var eventData = $$"""
            {"event": "opened", "id": "ev-proxy", "timestamp": 1709629200.5, "recipient": "ada@example.com",
             "client-info": {"client-type": "browser", "user-agent": "Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)"},
             "user-variables": {"tailor_email_id": "{{emailId:D}}"} }
            """;

        using var response = await SendAsync(app, ProviderSigner.Mailgun("token-proxy", IngestionApp.Now, eventData));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(Assert.Single(app.Published<EmailEngaged>()).IsMachineOpen);
    }

    [Fact]
    public async Task A_stale_signature_is_refused_and_an_event_tailor_does_not_learn_from_is_skipped()
    {
        await using var app = await IngestionApp.StartAsync(configure: Configured);
        var emailId = await SentEmails.SendAsync(app);
        var accepted = $$"""{"event": "accepted", "id": "ev-accepted", "timestamp": 1709629200, "user-variables": {"tailor_email_id": "{{emailId:D}}"} }""";

        using var stale = await SendAsync(app, ProviderSigner.Mailgun("token-stale", IngestionApp.Now.AddMinutes(-11), accepted));
        using var skipped = await SendAsync(app, ProviderSigner.Mailgun("token-fresh", IngestionApp.Now.AddMinutes(-9), accepted));

        Assert.Equal("Webhook replayed", await Problems.TitleAsync(stale, HttpStatusCode.Conflict));
        Assert.Equal(HttpStatusCode.OK, skipped.StatusCode);
        Assert.Equal(0, (await IngestionApp.ReadJsonAsync(skipped)).GetProperty("skipped")[0].GetProperty("index").GetInt32());
        Assert.Empty(app.Published<EmailEngaged>());
    }

    [Theory]
    [InlineData("1709629200000", "1 day ahead")]
    [InlineData("946684799", "before 2000-01-01")]
    public async Task An_event_dated_outside_the_accepted_range_is_a_400_naming_its_timestamp(string timestamp, string message)
    {
        await using var app = await IngestionApp.StartAsync(configure: Configured);
        var emailId = await SentEmails.SendAsync(app);
        var eventData = $$"""{"event": "opened", "id": "ev-millis", "timestamp": {{timestamp}}, "user-variables": {"tailor_email_id": "{{emailId:D}}"} }""";

        using var response = await SendAsync(app, ProviderSigner.Mailgun("token-millis", IngestionApp.Now, eventData));

        var errors = await Problems.ValidationErrorsAsync(response);
        Assert.Equal(["event-data.timestamp"], errors.Keys);
        Assert.Contains(message, Assert.Single(errors["event-data.timestamp"]), StringComparison.Ordinal);
        Assert.Empty(app.Published<EmailEngaged>());
    }

    [Theory]
    [InlineData("1709629200000")]
    [InlineData("-5")]
    [InlineData("\"soon\"")]
    public async Task An_unsubscribe_dated_outside_the_accepted_range_is_kept_at_the_time_it_arrived(string timestamp)
    {
        await using var app = await IngestionApp.StartAsync(configure: Configured);
        var emailId = await SentEmails.SendAsync(app);
        var eventData = $$"""{"event": "unsubscribed", "id": "ev-stop", "timestamp": {{timestamp}}, "user-variables": {"tailor_email_id": "{{emailId:D}}"} }""";

        using var response = await SendAsync(app, ProviderSigner.Mailgun($"token-stop-{timestamp.GetHashCode(StringComparison.Ordinal)}", IngestionApp.Now, eventData));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False((await IngestionApp.ReadJsonAsync(response)).TryGetProperty("rejected", out var rejected) && rejected.EnumerateObject().Any(), "a kept stop is not listed as refused");
        var stop = Assert.Single(app.Published<EmailEngaged>());
        Assert.Equal((EngagementKind.Unsubscribe, IngestionApp.Now), (stop.Kind, stop.OccurredAt));
    }

    [Fact]
    public async Task A_signature_timestamp_that_is_not_a_number_is_401_not_a_replay()
    {
        await using var app = await IngestionApp.StartAsync(configure: Configured);
        var emailId = await SentEmails.SendAsync(app);
        var eventData = $$"""{"event": "opened", "id": "ev-1", "timestamp": 1709629200, "user-variables": {"tailor_email_id": "{{emailId:D}}"} }""";

        using var response = await SendAsync(app, ProviderSigner.Mailgun("token-nan", "17096x9200", eventData));

        Assert.Contains("'17096x9200' is not a number", await Problems.DetailAsync(response, HttpStatusCode.Unauthorized), StringComparison.Ordinal);
        Assert.Empty(app.Published<EmailEngaged>());
    }

    private static async Task<HttpResponseMessage> SendAsync(IngestionApp app, HttpRequestMessage request)
    {
        using var client = app.AnonymousClient();
        using (request)
        {
            return await client.SendAsync(request, TestContext.Current.CancellationToken);
        }
    }

    private static HttpRequestMessage Signed(string key, string token, string eventName, string severity, Guid emailId) =>
        ProviderSigner.Mailgun(token, IngestionApp.Now, $$"""
            {"event": "{{eventName}}", "id": "ev-{{token}}", "timestamp": 1709629200.123, "recipient": "ada@example.com",
             "severity": "{{severity}}", "url": "{{SentEmails.ProductLink(emailId)}}",
             "user-variables": {"tailor_email_id": "{{emailId:D}}"} }
            """, key);
}
