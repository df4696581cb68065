using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Tailor.Ingestion.Tests.Links;
using Tailor.Ingestion.Tests.Webhooks;

namespace Tailor.Ingestion.Tests.HostileInput;

/// <summary>
/// A request each documented operation takes (valid, or as valid as an operation whose state the test does not set up
/// allows): the hostile requests are this one with one thing broken, so each reaches as far into the handler as it can.
/// </summary>
/// <param name="Key">The operation, as <see cref="DocumentedOperation.Key"/> names it.</param>
/// <param name="PathValues">A value for each of the template's path parameters.</param>
/// <param name="Query">The query string (a link's signature), with its <c>?</c>.</param>
/// <param name="Body">The body, JSON unless <paramref name="ContentType"/> says otherwise; null for none.</param>
/// <param name="Authenticate">Adds what proves the caller (an API key, a provider's credentials); nothing for links.</param>
/// <param name="Sign">Makes a JSON body's proof fresh for one request (a Mailgun token is accepted once).</param>
internal sealed record OperationSample(
    string Key,
    IReadOnlyDictionary<string, string> PathValues,
    string Query,
    string? Body,
    string ContentType,
    Action<HttpRequestMessage> Authenticate,
    Func<JsonNode, int, JsonNode>? Sign = null)
{
    public const string Json = "application/json";

    private static readonly Guid EmailId = Guid.Parse("0b4c8f3e-5d1a-4c7e-9f2b-6a8d3e1c7b90");
    private static readonly string At = "2024-03-05T09:00:00Z";
    private static readonly long UnixAt = IngestionApp.Now.AddHours(-1).ToUnixTimeSeconds();
    private static readonly Dictionary<string, string> NoPath = [];

    public string Method => Key.Split(' ')[0];

    public string Template => Key.Split(' ')[1];

    /// <summary>Every operation Ingestion documents, and the routes it serves without documenting them (HEAD of a link).</summary>
    public static IReadOnlyList<OperationSample> All(ProviderSigner signer) =>
    [
        Keyed("POST /v1/track", """{"userId":"u-1","event":"Order Completed","messageId":"m-1","timestamp":"2024-03-05T09:00:00Z","properties":{"order_id":"o-1","products":[{"product_id":"85123A","name":"LANTERN","price":2.55,"quantity":2}]},"context":{"ip":"203.0.113.7"}}"""),
        Keyed("POST /v1/identify", """{"userId":"u-1","anonymousId":"a-1","traits":{"email":"ada@example.com","firstName":"Ada","country":"United Kingdom","timezone":"Europe/London","email_consent":true}}"""),
        Keyed("POST /v1/page", """{"userId":"u-1","name":"Home","category":"Shop","properties":{"url":"https://shop.example.com/","title":"Home"}}"""),
        Keyed("POST /v1/screen", """{"anonymousId":"a-1","name":"Home","properties":{"tab":"new"}}"""),
        Keyed("POST /v1/group", """{"userId":"u-1","groupId":"acme","traits":{"name":"Acme","industry":"Retail","plan":"pro","employees":40}}"""),
        Keyed("POST /v1/alias", """{"previousId":"a-1","userId":"u-1"}"""),
        Keyed("POST /v1/batch", """{"batch":[{"type":"track","userId":"u-1","event":"Product Viewed","properties":{"product_id":"85123A"}},{"type":"identify","userId":"u-1","traits":{"email":"ada@example.com"}}],"sentAt":"2024-03-05T09:59:00Z","context":{"library":{"name":"analytics-node"}}}"""),
        Keyed("POST /v1/catalog", """{"items":[{"id":"85123A","title":"WHITE HANGING HEART T-LIGHT HOLDER","description":"A holder","price":2.55,"category":"home","url":"https://shop.example.com/p/85123A"}]}"""),
        Keyed("POST /v1/campaigns", """{"name":"Spring","goal":"Sell lanterns","type":"promotional","audience":{"userIds":["u-1"],"dominantTopic":"lights","groupIds":["acme"]},"sendWindow":{"start":"2024-03-06T00:00:00Z","end":"2024-03-07T00:00:00Z"},"sections":["buyAgain","newForYou"],"controlShare":0.05}"""),
        Keyed("POST /v1/admin/api-keys", """{"client":"crm","scopes":["events"]}"""),
        Keyed("GET /v1/admin/api-keys", null),
        Keyed("DELETE /v1/admin/api-keys/{keyId}", null, new() { ["keyId"] = "7c0f5b1e2d3a4b5c8d9e0f1a2b3c4d5e" }),
        Keyed("POST /v1/admin/models/recommender/rollback", null),
        Keyed("DELETE /v1/users/{userId}", null, new() { ["userId"] = "u-1" }),
        Keyed("GET /v1/users/{userId}/export", null, new() { ["userId"] = "u-1" }),
        Keyed("GET /v1/campaigns/{campaignId}/report", null, new() { ["campaignId"] = "5f0e3c2b1a0948d7b6c5d4e3f2a1b0c9" }),
        Link("GET /c/{emailId}/{itemId}", new() { ["emailId"] = EmailId.ToString("D"), ["itemId"] = "85123A" }, TailorLinks.Signature.Sign(EmailId, "85123A"), null),
        Link("HEAD /c/{emailId}/{itemId}", new() { ["emailId"] = EmailId.ToString("D"), ["itemId"] = "85123A" }, TailorLinks.Signature.Sign(EmailId, "85123A"), null),
        Link("GET /u/{emailId}", new() { ["emailId"] = EmailId.ToString("D") }, TailorLinks.Signature.SignUnsubscribe(EmailId), null),
        Link("HEAD /u/{emailId}", new() { ["emailId"] = EmailId.ToString("D") }, TailorLinks.Signature.SignUnsubscribe(EmailId), null),
        Link("POST /u/{emailId}", new() { ["emailId"] = EmailId.ToString("D") }, TailorLinks.Signature.SignUnsubscribe(EmailId), "List-Unsubscribe=One-Click"),
        Link("POST /u/{emailId}/resubscribe", new() { ["emailId"] = EmailId.ToString("D") }, TailorLinks.Signature.SignUnsubscribe(EmailId), null),
        new("POST /v1/webhooks/sendgrid", NoPath, "", $$"""[{"email":"ada@example.com","timestamp":{{UnixAt}},"event":"open","sg_event_id":"e-1","useragent":"Mozilla/5.0","tailor_email_id":"{{EmailId}}"}]""", Json, _ => { }),
        new("POST /v1/webhooks/mailgun", NoPath, "", $$$"""{"signature":{},"event-data":{"event":"opened","id":"ev-1","timestamp":{{{UnixAt}}}.5,"recipient":"ada@example.com","user-variables":{"tailor_email_id":"{{{EmailId}}}"}} }""", Json, _ => { }, SignMailgun),
        new("POST /v1/webhooks/ses", NoPath, "", SesNotification(signer), "text/plain", _ => { }),
        new("POST /v1/webhooks/postmark", NoPath, "", $$$"""{"RecordType":"Delivery","MessageID":"m-1","Recipient":"ada@example.com","DeliveredAt":"{{{At}}}","Metadata":{"tailor_email_id":"{{{EmailId}}}"}}""", Json, request => request.Headers.Authorization = ProviderSigner.PostmarkCredentials()),
    ];

    /// <summary>The path as sent: the template with <paramref name="values"/> (already escaped as they travel), then the query.</summary>
    public string PathWith(IReadOnlyDictionary<string, string> values) =>
        values.Aggregate(Template, (path, value) => path.Replace($"{{{value.Key}}}", value.Value, StringComparison.Ordinal)) + Query;

    public string SamplePath => PathWith(PathValues.ToDictionary(value => value.Key, value => Uri.EscapeDataString(value.Value)));

    private static OperationSample Keyed(string key, string? body, Dictionary<string, string>? path = null) =>
        new(key, path ?? NoPath, "", body, Json, request => request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", IngestionApp.AllScopesKey));

    private static OperationSample Link(string key, Dictionary<string, string> path, string signature, string? form) =>
        new(key, path, $"?s={signature}", form, "application/x-www-form-urlencoded", _ => { });

    private static JsonNode SignMailgun(JsonNode body, int sequence)
    {
        var token = $"hostile-{sequence.ToString(CultureInfo.InvariantCulture)}";
        var timestamp = IngestionApp.Now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        body["signature"] = new JsonObject
        {
            ["timestamp"] = timestamp,
            ["token"] = token,
            ["signature"] = ProviderSigner.MailgunSignature(token, timestamp),
        };
        return body;
    }

    private static string SesNotification(ProviderSigner signer)
    {
        var open = $$$"""{"eventType":"Open","mail":{"timestamp":"2024-03-05T08:59:00Z","messageId":"ses-1","tags":{"tailor_email_id":["{{{EmailId}}}"]}},"open":{"timestamp":"{{{At}}}","userAgent":"Mozilla/5.0"}}""";
        using var request = signer.SnsNotification("n-1", open);
        return request.Content!.ReadAsStringAsync(TestContext.Current.CancellationToken).GetAwaiter().GetResult();
    }
}
