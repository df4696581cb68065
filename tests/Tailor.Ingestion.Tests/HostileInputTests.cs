using System.IO.Compression;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Tailor.Ingestion.Webhooks.SendGrid;

namespace Tailor.Ingestion.Tests;

/// <summary>
/// A corpus of malformed and hostile requests: every one is answered with a 4xx problem, never a 5xx, and none of them
/// leaves anything on the bus or in the store.
/// </summary>
public sealed class HostileInputTests
{
    private static readonly Dictionary<string, string?> AllWebhooksConfigured = new()
    {
        ["Tailor:Ingestion:Webhooks:SendGridPublicKey"] = Convert.ToBase64String(ECDsa.Create(ECCurve.NamedCurves.nistP256).ExportSubjectPublicKeyInfo()),
        ["Tailor:Ingestion:Webhooks:MailgunSigningKey"] = "key-mailgun-signing",
        ["Tailor:Ingestion:Webhooks:SesSigningCertificatePem"] = SelfSignedPem(),
        ["Tailor:Ingestion:Webhooks:PostmarkUsername"] = "postmark",
        ["Tailor:Ingestion:Webhooks:PostmarkPassword"] = "s3cret-hook",
    };

    public static TheoryData<string, string, byte[]> Corpus => new()
    {
        { "truncated JSON", "/v1/track", Utf8("""{"userId":"12583","event":"Order Compl""") },
        { "empty body", "/v1/track", [] },
        { "not JSON at all", "/v1/identify", Utf8("userId=12583&traits[email]=a@b.c") },
        { "NaN literal", "/v1/track", Utf8("""{"userId":"12583","event":"Order Completed","properties":{"products":[{"product_id":"1","price":NaN}]}}""") },
        { "wrong types everywhere", "/v1/track", Utf8("""{"userId":["12583"],"event":{"name":"x"},"timestamp":true,"properties":[1,2]}""") },
        { "top-level array", "/v1/identify", Utf8("""[{"userId":"12583"}]""") },
        { "number beyond decimal", "/v1/catalog", Utf8("""{"items":[{"id":"1","title":"JAM","price":1e400}]}""") },
        { "negative quantity", "/v1/track", Utf8("""{"userId":"1","event":"Order Completed","properties":{"products":[{"product_id":"1","quantity":-3}]}}""") },
        { "huge call body", "/v1/track", Utf8($$"""{"userId":"{{new string('u', 100_000)}}","event":"x"}""") },
        { "huge batch body", "/v1/batch", Utf8($$"""{"batch":[{{string.Join(',', Enumerable.Repeat("""{"type":"track","userId":"u","event":"x"}""", 20_000))}}]}""") },
        { "huge field inside the limit", "/v1/batch", Utf8($$"""{"batch":[{"type":"track","userId":"u","event":"{{new string('e', 50_000)}}"}]}""") },
        { "deep nesting", "/v1/track", Utf8("""{"userId":"1","event":"x","properties":""" + new string('[', 5_000) + new string(']', 5_000) + "}") },
        { "deep objects", "/v1/identify", Utf8("""{"userId":"1","traits":""" + string.Concat(Enumerable.Repeat("""{"a":""", 200)) + "1" + new string('}', 200) + "}") },
        { "invalid UTF-8", "/v1/track", [.. Utf8("""{"userId":"12"""), 0xC3, 0x28, .. Utf8("\",\"event\":\"x\"}")] },
        { "lone surrogate", "/v1/track", Utf8("""{"userId":"\ud800","event":"x"}""") },
        { "NUL in an id", "/v1/track", Utf8("""{"userId":"125\u000083","event":"x"}""") },
        { "script in a trait", "/v1/identify", Utf8("""{"userId":"1","traits":{"firstName":"<script>alert(document.cookie)</script>"}}""") },
        { "markup in a country", "/v1/identify", Utf8("""{"userId":"1","traits":{"country":"<img src=x onerror=alert(1)>"}}""") },
        { "header injection in an email", "/v1/identify", Utf8("""{"userId":"1","traits":{"email":"a@example.com\r\nBcc: all@example.com"}}""") },
        { "timestamp in year 9999", "/v1/track", Utf8("""{"userId":"1","event":"x","timestamp":"9999-12-31T23:59:59Z"}""") },
        { "timestamp in year 1", "/v1/track", Utf8("""{"userId":"1","event":"x","timestamp":"0001-01-01T00:00:00Z"}""") },
        { "alias to itself", "/v1/alias", Utf8("""{"previousId":"1","userId":"1"}""") },
        { "group without a group id", "/v1/group", Utf8("""{"userId":"1","traits":{"name":"Acme"}}""") },
        { "group id with a NUL", "/v1/group", Utf8("""{"userId":"1","groupId":"ac\u0000me"}""") },
        { "group traits nested past the limit", "/v1/group", Utf8("""{"userId":"1","groupId":"g","traits":""" + string.Concat(Enumerable.Repeat("""{"a":""", 200)) + "1" + new string('}', 200) + "}") },
        { "anonymous group", "/v1/batch", Utf8("""{"batch":[{"type":"group","anonymousId":"device-1","groupId":"acme"}]}""") },
        { "screen with an object for a name", "/v1/screen", Utf8("""{"userId":"1","name":{"en":"Home"}}""") },
        { "campaign window backwards", "/v1/campaigns", Utf8("""{"name":"n","goal":"g","audience":"all","sendWindow":{"start":"2024-03-06T00:00:00Z","end":"2024-03-05T00:00:00Z"}}""") },
        { "api key with no scope", "/v1/admin/api-keys", Utf8("""{"client":"x","scopes":[]}""") },
        { "JSON to the one-click unsubscribe, forged link", "/u/5b107ef2-7c35-4e4f-a7f4-0d8a3c1d2e90?s=forged", Utf8("""{"List-Unsubscribe":"One-Click"}""") },
        { "forged SendGrid signature", "/v1/webhooks/sendgrid", Utf8("""[{"sg_event_id":"e1","event":"open","timestamp":1733900000}]""") },
        { "forged Mailgun signature", "/v1/webhooks/mailgun", Utf8("""{"signature":{"timestamp":"1709632800","token":"t","signature":"00"},"event-data":{"event":"opened","id":"e","timestamp":1}}""") },
        { "Mailgun without signature", "/v1/webhooks/mailgun", Utf8("""{"event-data":{"event":"opened","id":"e","timestamp":1}}""") },
        { "forged SNS message", "/v1/webhooks/ses", Utf8("""{"Type":"Notification","MessageId":"m","TopicArn":"t","Message":"{}","Timestamp":"2024-03-05T10:00:00Z","SignatureVersion":"1","Signature":"Zm9yZ2Vk"}""") },
        { "SNS with an unknown signature version", "/v1/webhooks/ses", Utf8("""{"Type":"SubscriptionConfirmation","MessageId":"m","TopicArn":"t","Message":"x","Timestamp":"t","SignatureVersion":"9","Signature":"x","SubscribeURL":"http://169.254.169.254/"}""") },
        { "Postmark without credentials", "/v1/webhooks/postmark", Utf8("""{"RecordType":"Delivery","MessageID":"m","DeliveredAt":"2024-03-05T09:00:00Z"}""") },
        { "duplicate userId", "/v1/track", Utf8("""{"userId":"a","userId":"b","event":"x"}""") },
        { "duplicate event", "/v1/track", Utf8("""{"userId":"a","event":"Cart Viewed","event":"Order Completed"}""") },
        { "duplicate trait email", "/v1/identify", Utf8("""{"userId":"a","traits":{"email":"a@example.com","email":"b@example.com"}}""") },
        { "duplicate type in a batch item", "/v1/batch", Utf8("""{"batch":[{"type":"track","type":"identify","userId":"a","event":"x"}]}""") },
        { "duplicate key spelled with an escape", "/v1/track", Utf8("""{"userId":"a","\u0075serId":"b","event":"x"}""") },
        { "duplicate key deep in properties", "/v1/track", Utf8("""{"userId":"a","event":"x","properties":{"a":[{"b":{"c":1,"c":2}}]}}""") },
    };

    /// <summary>Bodies in a <c>Content-Encoding</c>: a bomb, corrupt streams, codings Tailor does not undo.</summary>
    public static TheoryData<string, string, byte[]> EncodedCorpus => new()
    {
        { "gzip bomb past the call limit", "gzip", Gzip(Utf8("""{"userId":"1","event":"x","properties":{"pad":" """ + new string(' ', 8 * 1024 * 1024) + "\"}}")) },
        { "gzip bomb in a batch", "gzip", Gzip(Utf8($$"""{"batch":[{{string.Join(',', Enumerable.Repeat("""{"type":"track","userId":"u","event":"x"}""", 200_000))}}]}""")) },
        { "corrupt gzip", "gzip", Utf8("""{"userId":"1","event":"x"}""") },
        { "gzip cut short", "gzip", Gzip(Utf8("""{"userId":"1","event":"x"}"""))[..20] },
        { "gzip of a duplicate key", "gzip", Gzip(Utf8("""{"userId":"a","userId":"b","event":"x"}""")) },
        { "corrupt deflate", "deflate", Utf8("""{"userId":"1","event":"x"}""") },
        { "brotli", "br", Utf8("""{"userId":"1","event":"x"}""") },
        { "compress", "compress", Utf8("""{"userId":"1","event":"x"}""") },
        { "gzip twice", "gzip, gzip", Gzip(Gzip(Utf8("""{"userId":"1","event":"x"}"""))) },
        { "unknown coding", "x-tailor", Utf8("""{"userId":"1","event":"x"}""") },
    };

    [Theory]
    [MemberData(nameof(Corpus))]
    public async Task Hostile_request_is_a_4xx_problem_and_keeps_nothing(string name, string path, byte[] body)
    {
        await using var app = await IngestionApp.StartAsync(configure: AllWebhooksConfigured);

        using var response = await app.Client.PostAsync(path, Content(body), TestContext.Current.CancellationToken);

        Assert.True((int)response.StatusCode is >= 400 and < 500, $"{name}: {(int)response.StatusCode}");
        Assert.Equal(Problems.ContentType, response.Content.Headers.ContentType?.MediaType);
        await AssertNothingKeptAsync(app);
    }

    [Theory]
    [MemberData(nameof(EncodedCorpus))]
    public async Task Hostile_encoded_body_is_a_4xx_problem_and_keeps_nothing(string name, string encoding, byte[] body)
    {
        await using var app = await IngestionApp.StartAsync();
        using var content = Content(body);
        content.Headers.TryAddWithoutValidation("Content-Encoding", encoding);

        using var response = await app.Client.PostAsync(name.Contains("batch", StringComparison.Ordinal) ? "/v1/batch" : "/v1/track", content, TestContext.Current.CancellationToken);

        Assert.True((int)response.StatusCode is >= 400 and < 500, $"{name}: {(int)response.StatusCode}");
        Assert.Equal(Problems.ContentType, response.Content.Headers.ContentType?.MediaType);
        await AssertNothingKeptAsync(app);
    }

    [Theory]
    [InlineData("Basic !!!not-base64")]
    [InlineData("Bearer ")]
    [InlineData("Bearer tlr_guessed-key")]
    public async Task Mangled_credentials_are_401(string authorization)
    {
        await using var app = await IngestionApp.StartAsync();
        using var client = app.AnonymousClient();
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", authorization);

        using var response = await client.PostAsync("/v1/track", Content(Utf8("""{"userId":"1","event":"x"}""")), TestContext.Current.CancellationToken);

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, response.StatusCode);
        await AssertNothingKeptAsync(app);
    }

    [Fact]
    public async Task Replayed_signed_sendgrid_delivery_with_an_old_timestamp_is_refused()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        await using var app = await IngestionApp.StartAsync(configure: new Dictionary<string, string?>
        {
            ["Tailor:Ingestion:Webhooks:SendGridPublicKey"] = Convert.ToBase64String(key.ExportSubjectPublicKeyInfo()),
        });
        const string payload = """[{"sg_event_id":"e1","event":"open","timestamp":1733900000}]""";
        var captured = IngestionApp.Now.AddDays(-2).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var signature = Convert.ToBase64String(key.SignData(Utf8(captured + payload), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/webhooks/sendgrid") { Content = Content(Utf8(payload)) };
        request.Headers.Add(SendGridWebhook.SignatureHeader, signature);
        request.Headers.Add(SendGridWebhook.TimestampHeader, captured);

        using var response = await app.Client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(System.Net.HttpStatusCode.Conflict, response.StatusCode);
        await AssertNothingKeptAsync(app);
    }

    private static async Task AssertNothingKeptAsync(IngestionApp app)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        Assert.Equal(0, await app.Events.CountAsync("ingestion", cancellationToken));
        Assert.Equal(0, await app.Events.CountAsync("ingestion.anonymous", cancellationToken));
        Assert.Empty(await app.Documents.ListAsync("ingestion.contacts", cancellationToken).ToListAsync(cancellationToken));
        Assert.Empty(app.Harness.Published.Select(_ => true, cancellationToken));
    }

    private static ByteArrayContent Content(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static byte[] Gzip(byte[] bytes)
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            gzip.Write(bytes);
        }

        return compressed.ToArray();
    }

    private static string SelfSignedPem()
    {
        using var rsa = RSA.Create(2048);
        var request = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=sns", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return certificate.ExportCertificatePem();
    }
}
