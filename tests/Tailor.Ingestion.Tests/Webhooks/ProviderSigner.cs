using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using Tailor.Ingestion.Webhooks.SendGrid;

namespace Tailor.Ingestion.Tests.Webhooks;

/// <summary>
/// Holds a real key for every provider (ECDSA P-256 for SendGrid, an HMAC key for Mailgun, a self-signed RSA certificate
/// for SNS, Basic credentials for Postmark) and signs requests the way each provider does.
/// </summary>
internal sealed class ProviderSigner : IDisposable
{
    public const string MailgunSigningKey = "key-3ax6xnjp29jd6fds4gc373sgvjxteol0";
    public const string PostmarkUsername = "postmark";
    public const string PostmarkPassword = "s3cret-hook";
    public const string TopicArn = "arn:aws:sns:eu-west-1:123456789012:tailor-ses-events";

    private readonly ECDsa _sendGridKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly RSA _snsKey = RSA.Create(2048);

    public ProviderSigner()
    {
        var request = new CertificateRequest("CN=sns.eu-west-1.amazonaws.com", _snsKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        Configuration = new Dictionary<string, string?>
        {
            ["Tailor:Ingestion:Webhooks:SendGridPublicKey"] = Convert.ToBase64String(_sendGridKey.ExportSubjectPublicKeyInfo()),
            ["Tailor:Ingestion:Webhooks:MailgunSigningKey"] = MailgunSigningKey,
            ["Tailor:Ingestion:Webhooks:SesSigningCertificatePem"] = certificate.ExportCertificatePem(),
            ["Tailor:Ingestion:Webhooks:SesTopicArns:0"] = TopicArn,
            ["Tailor:Ingestion:Webhooks:PostmarkUsername"] = PostmarkUsername,
            ["Tailor:Ingestion:Webhooks:PostmarkPassword"] = PostmarkPassword,
        };
    }

    /// <summary>Every provider configured with these keys; SES accepts only <see cref="TopicArn"/>.</summary>
    public IReadOnlyDictionary<string, string?> Configuration { get; }

    public HttpRequestMessage SendGrid(string body, DateTimeOffset signedAt) => SendGrid(body, UnixSeconds(signedAt));

    /// <param name="timestamp">The timestamp header as sent (and signed), well-formed or not.</param>
    public HttpRequestMessage SendGrid(string body, string timestamp)
    {
        var signature = _sendGridKey.SignData(
            Encoding.UTF8.GetBytes(timestamp + body), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        var request = Post("/v1/webhooks/sendgrid", body, "application/json");
        request.Headers.Add(SendGridWebhook.SignatureHeader, Convert.ToBase64String(signature));
        request.Headers.Add(SendGridWebhook.TimestampHeader, timestamp);
        return request;
    }

    /// <param name="eventData">The JSON of <c>event-data</c>.</param>
    /// <param name="key">The key the signature is made with (another one forges it).</param>
    public static HttpRequestMessage Mailgun(string token, DateTimeOffset signedAt, string eventData, string key = MailgunSigningKey) =>
        Mailgun(token, UnixSeconds(signedAt), eventData, key);

    /// <param name="timestamp">The signature's timestamp as sent (and signed), well-formed or not.</param>
    public static HttpRequestMessage Mailgun(string token, string timestamp, string eventData, string key = MailgunSigningKey)
    {
        var body = $$"""{"signature": {"timestamp": "{{timestamp}}", "token": "{{token}}", "signature": "{{MailgunSignature(token, timestamp, key)}}"}, "event-data": {{eventData}} }""";
        return Post("/v1/webhooks/mailgun", body, "application/json");
    }

    /// <summary>The <c>signature.signature</c> Mailgun sends: HMAC-SHA256 of timestamp and token, in lowercase hex.</summary>
    public static string MailgunSignature(string token, string timestamp, string key = MailgunSigningKey) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(timestamp + token)));

    /// <summary>An SNS notification carrying <paramref name="message"/>, signed as SNS signs (version 1 SHA1, 2 SHA256).</summary>
    public HttpRequestMessage SnsNotification(string messageId, string message, string signatureVersion = "2", string topicArn = TopicArn)
    {
        const string timestamp = "2024-03-05T09:00:01.000Z";
        var signed = $"Message\n{message}\nMessageId\n{messageId}\nTimestamp\n{timestamp}\nTopicArn\n{topicArn}\nType\nNotification\n";
        return Post("/v1/webhooks/ses", JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["Type"] = "Notification", ["MessageId"] = messageId, ["TopicArn"] = topicArn, ["Message"] = message, ["Timestamp"] = timestamp,
            ["SignatureVersion"] = signatureVersion, ["Signature"] = SignSns(signed, signatureVersion),
            ["SigningCertURL"] = "https://sns.eu-west-1.amazonaws.com/SimpleNotificationService-0000.pem",
        }), "text/plain");
    }

    public HttpRequestMessage SnsConfirmation(string subscribeUrl)
    {
        const string timestamp = "2024-03-05T09:00:01.000Z";
        const string message = "You have chosen to subscribe to the topic.";
        var signed = $"Message\n{message}\nMessageId\nc-1\nSubscribeURL\n{subscribeUrl}\nTimestamp\n{timestamp}\nToken\n2336412f37\nTopicArn\n{TopicArn}\nType\nSubscriptionConfirmation\n";
        return Post("/v1/webhooks/ses", JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["Type"] = "SubscriptionConfirmation", ["MessageId"] = "c-1", ["Token"] = "2336412f37", ["TopicArn"] = TopicArn, ["Message"] = message,
            ["SubscribeURL"] = subscribeUrl, ["Timestamp"] = timestamp, ["SignatureVersion"] = "2", ["Signature"] = SignSns(signed, "2"),
        }), "text/plain");
    }

    public static HttpRequestMessage Postmark(string record, string password = PostmarkPassword)
    {
        var request = Post("/v1/webhooks/postmark", record, "application/json");
        request.Headers.Authorization = PostmarkCredentials(password);
        return request;
    }

    /// <summary>The HTTP Basic credentials Postmark sends from the webhook URL.</summary>
    public static AuthenticationHeaderValue PostmarkCredentials(string password = PostmarkPassword) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{PostmarkUsername}:{password}")));

    /// <summary>The signed request with its body changed after signing, as a forger in the middle would.</summary>
    public static HttpRequestMessage Altered(HttpRequestMessage signed, string from, string to)
    {
        var body = signed.Content!.ReadAsStringAsync().GetAwaiter().GetResult();
        var mediaType = signed.Content.Headers.ContentType!.MediaType!;
        signed.Content = new StringContent(body.Replace(from, to, StringComparison.Ordinal), Encoding.UTF8, mediaType);
        return signed;
    }

    public void Dispose()
    {
        _sendGridKey.Dispose();
        _snsKey.Dispose();
    }

    private string SignSns(string text, string signatureVersion) => Convert.ToBase64String(_snsKey.SignData(
        Encoding.UTF8.GetBytes(text), signatureVersion == "1" ? HashAlgorithmName.SHA1 : HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));

    private static string UnixSeconds(DateTimeOffset at) => at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    private static HttpRequestMessage Post(string path, string body, string mediaType) =>
        new(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, mediaType) };
}
