using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Tailor.Contracts;
using Tailor.Testing;

namespace Tailor.EndToEnd.Tests;

/// <summary>
/// Everything a customer can do after a campaign's email reached them, through every door of Ingestion: activity as an
/// anonymous visitor that an identify then links to them, traits, a group, a search (text), the provider's delivered,
/// open and click reports, a click on a product link, and, for some, the one-click unsubscribe. What it leaves behind is
/// what an erasure must find.
/// </summary>
internal static partial class UserLife
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(1);

    /// <returns>The anonymous id and the text the user left, which name them too.</returns>
    public static async Task<(string AnonymousId, string Text)> LiveAsync(PipelineRun run, EmailReady email, bool unsubscribes, CancellationToken cancellationToken)
    {
        var (userId, emailId) = (email.UserId, email.EmailId);
        var anonymousId = $"visitor-{Guid.NewGuid():N}";
        var text = $"a wool blanket for the cabin {Guid.NewGuid():N}";
        var productLink = PathOf(ProductLink().Match(email.HtmlBody).Groups[1].Value);
        var itemId = Uri.UnescapeDataString(productLink.Split('?')[0].Split('/')[^1]);

        // Browsing before signing in: held under the anonymous id until the identify below links it.
        await run.PostAsync("/v1/page", new { anonymousId, name = "Gift ideas", properties = new { url = "https://shop.example.com/gifts" } }, cancellationToken);
        await run.PostAsync("/v1/track", new { anonymousId, @event = "Product Viewed", properties = new { product_id = itemId } }, cancellationToken);
        await run.PostAsync("/v1/identify", new
        {
            userId,
            anonymousId,
            traits = new Dictionary<string, object> { ["email"] = email.To, ["first_name"] = "Ada", ["last_name"] = "Lovelace", ["email_consent"] = true },
        }, cancellationToken);
        await run.PostAsync("/v1/track", new { userId, @event = "Products Searched", properties = new { text } }, cancellationToken);
        await run.PostAsync("/v1/group", new { userId, groupId = $"household-{Guid.NewGuid():N}", traits = new { name = "The Lovelaces" } }, cancellationToken);

        // The provider's reports (SendGrid's webhook is unsigned here: no public key is configured).
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var reports = new[] { "delivered", "open", "click" }.Select(kind => new Dictionary<string, object>
        {
            ["email"] = email.To,
            ["timestamp"] = now,
            ["event"] = kind,
            ["sg_event_id"] = $"{kind}-{emailId:N}",
            ["sg_message_id"] = $"message-{emailId:N}.filter",
            ["url"] = $"https://shop.example.com/products/{itemId}",
            ["tailor_email_id"] = emailId.ToString("D"),
        }).ToList();
        using (var webhook = await run.SendAnonymouslyAsync(new HttpRequestMessage(HttpMethod.Post, "/v1/webhooks/sendgrid") { Content = JsonContent.Create(reports) }, cancellationToken))
        {
            Assert.Equal(HttpStatusCode.OK, webhook.StatusCode);
        }

        // The reader clicks through to the product; then, for some, the mailbox's one-click unsubscribe.
        using (var click = await run.SendAnonymouslyAsync(new HttpRequestMessage(HttpMethod.Get, productLink), cancellationToken))
        {
            Assert.Equal(HttpStatusCode.Found, click.StatusCode);
        }

        if (unsubscribes)
        {
            var oneClick = PathOf(email.Headers["List-Unsubscribe"].Split(',').Select(part => part.Trim(' ', '<', '>')).Single(part => part.StartsWith("http", StringComparison.Ordinal)));
            using var unsubscribe = new HttpRequestMessage(HttpMethod.Post, oneClick) { Content = new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]) };
            using var answer = await run.SendAnonymouslyAsync(unsubscribe, cancellationToken);
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        }

        // Everything landed in Ingestion: the linked browsing, the search, the reports, the link's click.
        EngagementKind[] kinds = unsubscribes
            ? [EngagementKind.Delivered, EngagementKind.Open, EngagementKind.Click, EngagementKind.Unsubscribe]
            : [EngagementKind.Delivered, EngagementKind.Open, EngagementKind.Click];
        await Polling.UntilAsync(
            async () =>
            {
                var events = await ExportedEventsAsync(run, userId, cancellationToken);
                var engaged = events.Where(stored => stored.GetProperty("type").GetString() == nameof(EmailEngaged)).Select(stored => (EngagementKind)stored.GetProperty("payload").GetProperty("kind").GetInt32()).ToList();
                return kinds.All(engaged.Contains)
                    && engaged.Count(kind => kind == EngagementKind.Click) >= 2
                    && events.Count(stored => stored.GetProperty("type").GetString() == nameof(UserActivityTracked)) > 0
                    && events.Any(stored => stored.GetProperty("payload").TryGetProperty("text", out var said) && said.GetString() == text);
            },
            Patience,
            cancellationToken,
            $"user {userId}'s life to reach Ingestion");
        return (anonymousId, text);
    }

    private static async Task<IReadOnlyList<JsonElement>> ExportedEventsAsync(PipelineRun run, string userId, CancellationToken cancellationToken)
    {
        using var response = await run.GetAsync($"/v1/users/{Uri.EscapeDataString(userId)}/export", cancellationToken);
        response.EnsureSuccessStatusCode();
        return [.. (await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("events").EnumerateArray()];
    }

    // The email's links name the public base URL; the test sends them to this run's Ingestion.
    private static string PathOf(string link) => new Uri(WebUtility.HtmlDecode(link)).PathAndQuery;

    [GeneratedRegex("href=\"([^\"]*/c/[^\"]+)\"")]
    private static partial Regex ProductLink();
}
