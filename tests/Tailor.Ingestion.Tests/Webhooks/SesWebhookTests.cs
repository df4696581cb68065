using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Tailor.Contracts;
using Tailor.Ingestion.Webhooks.Ses;

namespace Tailor.Ingestion.Tests.Webhooks;

/// <summary>SES through SNS, signed with a certificate made here the way SNS signs (RSA, PKCS#1, SHA-256 for version 2).</summary>
public sealed class SesWebhookTests : IDisposable
{
    private const string TopicArn = "arn:aws:sns:eu-west-1:123456789012:tailor-ses-events";

    private readonly RSA _signingKey = RSA.Create(2048);
    private readonly Dictionary<string, string?> _configured;

    public SesWebhookTests()
    {
        var request = new CertificateRequest("CN=sns.eu-west-1.amazonaws.com", _signingKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        _configured = new() { ["Tailor:Ingestion:Webhooks:SesSigningCertificatePem"] = certificate.ExportCertificatePem() };
    }

    [Theory]
    [InlineData("Delivery", """ "delivery": {"timestamp": "2024-03-05T09:00:00Z"} """, EngagementKind.Delivered)]
    [InlineData("Open", """ "open": {"timestamp": "2024-03-05T09:00:00Z", "userAgent": "Mozilla/5.0 (iPhone)"} """, EngagementKind.Open)]
    [InlineData("Bounce", """ "bounce": {"bounceType": "Permanent", "timestamp": "2024-03-05T09:00:00Z"} """, EngagementKind.HardBounce)]
    [InlineData("Bounce", """ "bounce": {"bounceType": "Transient", "timestamp": "2024-03-05T09:00:00Z"} """, EngagementKind.SoftBounce)]
    [InlineData("Complaint", """ "complaint": {"timestamp": "2024-03-05T09:00:00Z"} """, EngagementKind.Complaint)]
    public async Task Signed_notifications_map_to_their_kind(string eventType, string detail, EngagementKind expected)
    {
        await using var app = await IngestionApp.StartAsync(configure: _configured);
        var emailId = await SentEmails.SendAsync(app);
        var sesEvent = $$"""{"eventType": "{{eventType}}", "mail": {"timestamp": "2024-03-05T08:59:00Z", "messageId": "0100-ses", "tags": {"tailor_email_id": ["{{emailId:D}}"]} }, {{detail}} }""";

        using var response = await PostAsync(app, Notification(Guid.NewGuid().ToString(), sesEvent));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var engaged = Assert.Single(app.Published<EmailEngaged>());
        Assert.Equal((expected, emailId), (engaged.Kind, engaged.EmailId));
    }

    [Fact]
    public async Task The_email_id_header_correlates_a_click_and_its_item()
    {
        await using var app = await IngestionApp.StartAsync(configure: _configured);
        var emailId = await SentEmails.SendAsync(app);
        var sesEvent = $$"""
            {"eventType": "Click", "mail": {"timestamp": "2024-03-05T08:59:00Z", "headers": [{"name": "X-Tailor-Email-Id", "value": "{{emailId:D}}"} ]},
             "click": {"timestamp": "2024-03-05T09:00:00Z", "link": "{{SentEmails.ProductLink(emailId)}}"} }
            """;

        using var response = await PostAsync(app, Notification("click-1", sesEvent));

        var click = Assert.Single(app.Published<EmailEngaged>());
        Assert.Equal((EngagementKind.Click, SentEmails.ShownItem), (click.Kind, click.ItemId));
    }

    [Fact]
    public async Task A_notification_altered_after_signing_is_401()
    {
        await using var app = await IngestionApp.StartAsync(configure: _configured);
        var emailId = await SentEmails.SendAsync(app);
        var sesEvent = $$"""{"eventType": "Delivery", "mail": {"timestamp": "2024-03-05T08:59:00Z", "tags": {"tailor_email_id": ["{{emailId:D}}"]} }, "delivery": {"timestamp": "2024-03-05T09:00:00Z"} }""";
        var forged = Notification("n-1", sesEvent).Replace("Delivery", "Complaint", StringComparison.Ordinal);

        using var response = await PostAsync(app, forged);

        await Problems.TitleAsync(response, HttpStatusCode.Unauthorized);
        Assert.Empty(app.Published<EmailEngaged>());
    }

    [Fact]
    public async Task A_subscription_confirmation_visits_the_sns_url_and_only_an_sns_url()
    {
        var visits = new RecordingHandler();
        await using var app = await IngestionApp.StartAsync(
            services => services.AddHttpClient<SnsSubscriptionConfirmer>().ConfigurePrimaryHttpMessageHandler(() => visits),
            _configured);
        const string subscribe = "https://sns.eu-west-1.amazonaws.com/?Action=ConfirmSubscription&TopicArn=t&Token=2336412f37";

        using var confirmed = await PostAsync(app, Confirmation(subscribe));
        using var refused = await PostAsync(app, Confirmation("http://169.254.169.254/latest/meta-data/"));

        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal([new Uri(subscribe)], visits.Visited);
    }

    public void Dispose() => _signingKey.Dispose();

    private string Notification(string messageId, string sesEvent)
    {
        const string timestamp = "2024-03-05T09:00:01.000Z";
        var signed = $"Message\n{sesEvent}\nMessageId\n{messageId}\nTimestamp\n{timestamp}\nTopicArn\n{TopicArn}\nType\nNotification\n";
        return JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["Type"] = "Notification", ["MessageId"] = messageId, ["TopicArn"] = TopicArn, ["Message"] = sesEvent, ["Timestamp"] = timestamp,
            ["SignatureVersion"] = "2", ["Signature"] = Sign(signed), ["SigningCertURL"] = "https://sns.eu-west-1.amazonaws.com/cert.pem",
        });
    }

    private string Confirmation(string subscribeUrl)
    {
        const string timestamp = "2024-03-05T09:00:01.000Z";
        const string message = "You have chosen to subscribe to the topic.";
        var signed = $"Message\n{message}\nMessageId\nc-1\nSubscribeURL\n{subscribeUrl}\nTimestamp\n{timestamp}\nToken\n2336412f37\nTopicArn\n{TopicArn}\nType\nSubscriptionConfirmation\n";
        return JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["Type"] = "SubscriptionConfirmation", ["MessageId"] = "c-1", ["Token"] = "2336412f37", ["TopicArn"] = TopicArn, ["Message"] = message,
            ["SubscribeURL"] = subscribeUrl, ["Timestamp"] = timestamp, ["SignatureVersion"] = "2", ["Signature"] = Sign(signed),
        });
    }

    private string Sign(string text) =>
        Convert.ToBase64String(_signingKey.SignData(Encoding.UTF8.GetBytes(text), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));

    private static async Task<HttpResponseMessage> PostAsync(IngestionApp app, string payload)
    {
        using var client = app.AnonymousClient();
        return await client.PostAsync("/v1/webhooks/ses", new StringContent(payload, Encoding.UTF8, "text/plain"), TestContext.Current.CancellationToken);
    }

    /// <summary>Stands in for AWS, which this machine cannot reach: records where the confirmation went.</summary>
    private sealed class RecordingHandler : HttpMessageHandler
    {
        public List<Uri> Visited { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Visited.Add(request.RequestUri!);
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK));
        }
    }
}
