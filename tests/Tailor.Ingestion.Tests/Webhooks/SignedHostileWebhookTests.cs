using Tailor.Contracts;
using Tailor.Ingestion.Contacts;
using Tailor.Ingestion.Webhooks.Mailgun;

namespace Tailor.Ingestion.Tests.Webhooks;

/// <summary>
/// Requests that pass, or nearly pass, a provider's authentication and are still wrong: malformed but correctly signed,
/// signed long ago, signed for something else, pointing the confirmation at a private address, or holding a key twice
/// (the last value of each is a valid event, which a reader taking the first would see as another). Each is a 4xx
/// problem, never a 5xx, and leaves nothing on the bus, in the store or on the suppression list, though every one
/// names an email Tailor wrote.
/// </summary>
public sealed class SignedHostileWebhookTests : IDisposable
{
    private static readonly DateTimeOffset Now = IngestionApp.Now;

    private static readonly Dictionary<string, Func<ProviderSigner, Guid, HttpRequestMessage>> Cases = new()
    {
        ["sendgrid: signed object, not an array"] = (signer, email) => signer.SendGrid(SendGridOpen(email).TrimStart('[').TrimEnd(']'), Now),
        ["sendgrid: signed array of strings"] = (signer, _) => signer.SendGrid("""["open","click"]""", Now),
        ["sendgrid: signed event without sg_event_id"] = (signer, email) => signer.SendGrid(SendGridOpen(email).Replace("\"sg_event_id\"", "\"id\"", StringComparison.Ordinal), Now),
        ["sendgrid: body altered after signing"] = (signer, email) => ProviderSigner.Altered(signer.SendGrid(SendGridOpen(email), Now), "\"open\"", "\"click\""),
        ["sendgrid: signed an hour ago"] = (signer, email) => signer.SendGrid(SendGridOpen(email), Now.AddHours(-1)),
        ["sendgrid: signed an hour ahead"] = (signer, email) => signer.SendGrid(SendGridOpen(email), Now.AddHours(1)),
        ["sendgrid: signed drop without sg_event_id"] = (signer, email) => signer.SendGrid(SendGridDrop(email).Replace("\"sg_event_id\"", "\"id\"", StringComparison.Ordinal), Now),
        ["sendgrid: signed drop whose reason is not text"] = (signer, email) => signer.SendGrid(SendGridDrop(email).Replace("\"Bounced Address\"", "[\"Bounced Address\"]", StringComparison.Ordinal), Now),
        ["mailgun: signed without event-data"] = (_, _) => ProviderSigner.Mailgun("t-1", Now, "null"),
        ["mailgun: signed event-data of wrong types"] = (_, _) => ProviderSigner.Mailgun("t-2", Now, """{"event": 7, "id": ["e"], "timestamp": "soon"}"""),
        ["mailgun: signed a day ago"] = (_, email) => ProviderSigner.Mailgun("t-3", Now.AddDays(-1), MailgunOpen(email)),
        ["mailgun: signed with another key"] = (_, email) => ProviderSigner.Mailgun("t-4", Now, MailgunOpen(email), key: "key-not-mailguns"),
        ["ses: signed message that is not JSON"] = (signer, email) => signer.SnsNotification("n-1", $"Delivery for {email}"),
        ["ses: signed event without mail"] = (signer, _) => signer.SnsNotification("n-2", """{"eventType": "Open", "open": {"timestamp": "2024-03-05T09:00:00Z"}}"""),
        ["ses: signed event with a blank eventType"] = (signer, email) => signer.SnsNotification("n-3", SesOpen(email).Replace("\"Open\"", "\"\"", StringComparison.Ordinal)),
        ["ses: signed for a topic not allowed"] = (signer, email) => signer.SnsNotification("n-4", SesOpen(email), topicArn: "arn:aws:sns:eu-west-1:999999999999:elsewhere"),
        ["ses: SHA1 signature claimed as version 2"] = (signer, email) => ProviderSigner.Altered(signer.SnsNotification("n-5", SesOpen(email), signatureVersion: "1"), "\"SignatureVersion\":\"1\"", "\"SignatureVersion\":\"2\""),
        ["ses: signed text that only starts like the setup notice"] = (signer, _) => signer.SnsNotification("n-6", "Successfully validated SNS topic for Amazon SES event publishing. Also: unsubscribe everyone"),
        ["ses: confirmation to the cloud metadata address"] = (signer, _) => signer.SnsConfirmation("http://169.254.169.254/latest/meta-data/"),
        ["ses: confirmation to a look-alike host"] = (signer, _) => signer.SnsConfirmation("https://sns.eu-west-1.amazonaws.com.attacker.example/confirm"),
        ["ses: confirmation hiding a host behind user info"] = (signer, _) => signer.SnsConfirmation("https://sns.eu-west-1.amazonaws.com@10.0.0.1/confirm"),
        ["postmark: wrong password"] = (_, email) => ProviderSigner.Postmark(PostmarkDelivery(email), password: "guess"),
        ["postmark: no RecordType"] = (_, email) => ProviderSigner.Postmark(PostmarkDelivery(email).Replace("\"RecordType\"", "\"Kind\"", StringComparison.Ordinal)),
        ["sendgrid: signed event with its event twice"] = (signer, email) => signer.SendGrid(SendGridOpen(email).Replace("\"event\":\"open\"", "\"event\":\"bounce\",\"event\":\"open\"", StringComparison.Ordinal), Now),
        ["mailgun: signed event-data with its event twice"] = (_, email) => ProviderSigner.Mailgun("t-5", Now, MailgunOpen(email).Replace("\"event\": \"opened\"", "\"event\": \"failed\", \"event\": \"opened\"", StringComparison.Ordinal)),
        ["ses: signed event with its eventType twice"] = (signer, email) => signer.SnsNotification("n-6", SesOpen(email).Replace("\"eventType\": \"Open\"", "\"eventType\": \"Bounce\", \"eventType\": \"Open\"", StringComparison.Ordinal)),
        ["postmark: record with its RecordType twice"] = (_, email) => ProviderSigner.Postmark(PostmarkDelivery(email).Replace("\"RecordType\":\"Delivery\"", "\"RecordType\":\"SpamComplaint\",\"RecordType\":\"Delivery\"", StringComparison.Ordinal)),
        ["postmark: delivery time not a date"] = (_, email) => ProviderSigner.Postmark(PostmarkDelivery(email).Replace("2024-03-05T09:00:00Z", "yesterday", StringComparison.Ordinal)),
    };

    private readonly ProviderSigner _signer = new();

    public static TheoryData<string> CaseNames => [.. Cases.Keys];

    private static string SendGridOpen(Guid email) => $$"""[{"email":"ada@example.com","timestamp":1733900000,"event":"open","sg_event_id":"e-1","tailor_email_id":"{{email}}"}]""";

    private static string SendGridDrop(Guid email) => $$"""[{"email":"ada@example.com","timestamp":1733900000,"event":"dropped","reason":"Bounced Address","status":"5.0.0","sg_event_id":"e-2","tailor_email_id":"{{email}}"}]""";

    private static string MailgunOpen(Guid email) => $$"""{"event": "opened", "id": "ev-1", "timestamp": 1733900000.1, "user-variables": {"tailor_email_id": "{{email}}"} }""";

    private static string SesOpen(Guid email) => $$"""{"eventType": "Open", "mail": {"timestamp": "2024-03-05T08:59:00Z", "tags": {"tailor_email_id": ["{{email}}"]} }, "open": {"timestamp": "2024-03-05T09:00:00Z"} }""";

    private static string PostmarkDelivery(Guid email) => $$"""{"RecordType":"Delivery","MessageID":"m1","DeliveredAt":"2024-03-05T09:00:00Z","Metadata":{"tailor_email_id":"{{email}}"} }""";

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task Signed_but_hostile_request_is_a_4xx_problem_and_keeps_nothing(string name)
    {
        await using var app = await IngestionApp.StartAsync(configure: _signer.Configuration);
        var emailId = await SentEmails.SendAsync(app);
        using var request = Cases[name](_signer, emailId);
        using var client = app.AnonymousClient();

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.True((int)response.StatusCode is >= 400 and < 500, $"{name}: {(int)response.StatusCode}");
        Assert.Equal(Problems.ContentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(app.Published<EmailEngaged>());
        Assert.Empty(await app.RecordedAsync<EmailEngaged>());
        Assert.Empty(await app.Documents.ListAsync(MailgunWebhook.TokensCollection, TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken));
        Assert.Empty(await app.Documents.ListAsync(SuppressionList.Collection, TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("mailgun", "application/x-www-form-urlencoded", "event=opened&recipient=ada%40example.com", "application/json")]
    [InlineData("postmark", "application/xml", "<Delivery><MessageID>m1</MessageID></Delivery>", "application/json")]
    [InlineData("sendgrid", "text/plain", "[]", "application/json")]
    [InlineData("ses", "application/xml", "<Notification/>", "text/plain or application/json")]
    public async Task Body_of_a_type_the_endpoint_does_not_read_is_a_415_naming_what_it_reads(string provider, string contentType, string body, string reads)
    {
        await using var app = await IngestionApp.StartAsync(configure: _signer.Configuration);
        using var client = app.AnonymousClient();

        using var response = await client.PostAsync($"/v1/webhooks/{provider}", new StringContent(body, System.Text.Encoding.UTF8, contentType), TestContext.Current.CancellationToken);

        var detail = await Problems.DetailAsync(response, System.Net.HttpStatusCode.UnsupportedMediaType);
        Assert.EndsWith($"POST /v1/webhooks/{provider} reads {reads}.", detail, StringComparison.Ordinal);
        Assert.DoesNotContain(body, detail, StringComparison.Ordinal);
        Assert.Empty(app.Published<EmailEngaged>());
    }

    [Fact]
    public async Task Malformed_signed_events_are_named_by_index_and_field()
    {
        await using var app = await IngestionApp.StartAsync(configure: _signer.Configuration);
        using var client = app.AnonymousClient();
        using var request = _signer.SendGrid("""[{"event":"open","timestamp":1733900000}, {"sg_event_id":"e-2","event":"open","timestamp":"noon"}]""", Now);

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        var errors = await Problems.ValidationErrorsAsync(response);
        Assert.Contains("$[0].sg_event_id", errors.Keys);
        Assert.Contains("$[1].timestamp", errors.Keys);
    }

    public void Dispose() => _signer.Dispose();
}
