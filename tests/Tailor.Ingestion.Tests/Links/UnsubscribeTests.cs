using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Tailor.Contracts;
using Tailor.Ingestion.Contacts;
using Tailor.Ingestion.Tests.Webhooks;
using Tailor.Storage;

namespace Tailor.Ingestion.Tests.Links;

/// <summary>
/// <c>/u/{emailId}?s=…</c>: the page never unsubscribes by itself; the one-click POST (RFC 8058) suppresses the address
/// for every user id holding it before it answers; the page's second button undoes it.
/// </summary>
public sealed class UnsubscribeTests
{
    private const string Address = "ada@example.com";
    private const string OtherHolder = "crm-77";

    [Fact]
    public async Task Page_is_valid_html_with_one_form_that_posts_and_opening_it_changes_nothing()
    {
        await using var app = await StartAsync();
        var emailId = await SentEmails.SendAsync(app);

        using var response = await app.AnonymousClient().GetAsync(TailorLinks.Unsubscribe(emailId), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        var page = await ParseAsync(response);
        var form = Assert.Single(page.Forms);
        Assert.Equal("post", form.Method, ignoreCase: true);
        Assert.Equal(TailorLinks.Unsubscribe(emailId), form.GetAttribute("action"));
        Assert.Equal("heading", form.GetAttribute("aria-labelledby"));
        Assert.Equal("Unsubscribe from Hearth & Home emails?", page.GetElementById("heading")?.TextContent);
        Assert.Equal("Unsubscribe", Assert.Single(page.QuerySelectorAll("button")).TextContent);
        var oneClick = (IHtmlInputElement)Assert.Single(form.QuerySelectorAll("input"));
        Assert.Equal(("hidden", "List-Unsubscribe", "One-Click"), (oneClick.Type, oneClick.Name, oneClick.Value));
        Assert.False(await SuppressedAsync(app));
        Assert.Empty(app.Published<EmailEngaged>());
    }

    [Fact]
    public async Task One_click_post_suppresses_every_user_holding_the_address_before_it_answers()
    {
        await using var app = await StartAsync();
        var emailId = await SentEmails.SendAsync(app);

        using var response = await OneClickAsync(app, emailId);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.True(await SuppressedAsync(app));
        Assert.True(await SliceSuppressedAsync(app, SentEmails.UserId));
        Assert.True(await SliceSuppressedAsync(app, OtherHolder));
        var unsubscribe = Assert.Single(app.Published<EmailEngaged>());
        Assert.Equal(
            (EngagementKind.Unsubscribe, SentEmails.UserId, emailId, SentEmails.CampaignId, false),
            (unsubscribe.Kind, unsubscribe.UserId, unsubscribe.EmailId, unsubscribe.CampaignId, unsubscribe.IsMachineOpen));
        Assert.Equal(unsubscribe.EventId, Assert.Single(await app.RecordedAsync<EmailEngaged>()).EventId);
    }

    [Fact]
    public async Task One_click_post_as_multipart_form_data_unsubscribes_too()
    {
        await using var app = await StartAsync();
        var emailId = await SentEmails.SendAsync(app);
        using var body = new MultipartFormDataContent { { new StringContent("One-Click"), "List-Unsubscribe" } };

        using var response = await app.AnonymousClient().PostAsync(TailorLinks.Unsubscribe(emailId), body, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(await SuppressedAsync(app));
    }

    [Fact]
    public async Task Pressing_again_is_harmless_and_has_one_effect()
    {
        await using var app = await StartAsync();
        var emailId = await SentEmails.SendAsync(app);

        using var first = await OneClickAsync(app, emailId);
        using var second = await OneClickAsync(app, emailId);
        using var third = await OneClickAsync(app, emailId);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK], [first.StatusCode, second.StatusCode, third.StatusCode]);
        Assert.True(await SuppressedAsync(app));
        Assert.Single(app.Published<EmailEngaged>());
        Assert.Single(await app.RecordedAsync<EmailEngaged>());
    }

    [Fact]
    public async Task Done_page_says_no_more_emails_and_offers_to_resubscribe()
    {
        await using var app = await StartAsync();
        var emailId = await SentEmails.SendAsync(app);

        using var response = await OneClickAsync(app, emailId);

        var page = await ParseAsync(response);
        Assert.Contains("You will get no more emails from Hearth & Home.", page.Body!.TextContent, StringComparison.Ordinal);
        var form = Assert.Single(page.Forms);
        Assert.Equal(("post", TailorLinks.Resubscribe(emailId)), (form.Method.ToLowerInvariant(), form.GetAttribute("action")));
        Assert.Equal("Resubscribe", Assert.Single(page.QuerySelectorAll("button")).TextContent);
    }

    [Fact]
    public async Task Resubscribe_lifts_the_suppression_and_unsubscribing_again_restores_it()
    {
        await using var app = await StartAsync();
        var emailId = await SentEmails.SendAsync(app);
        using var unsubscribed = await OneClickAsync(app, emailId);

        using var resubscribed = await app.AnonymousClient().PostAsync(TailorLinks.Resubscribe(emailId), new FormUrlEncodedContent([]), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, resubscribed.StatusCode);
        Assert.False(await SuppressedAsync(app));
        Assert.False(await SliceSuppressedAsync(app, OtherHolder));
        var page = await ParseAsync(resubscribed);
        Assert.Contains("You will get emails from Hearth & Home again.", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(TailorLinks.Unsubscribe(emailId), Assert.Single(page.Forms).GetAttribute("action"));

        using var again = await OneClickAsync(app, emailId);

        Assert.True(await SuppressedAsync(app));
        var changes = app.Published<EmailEngaged>();
        Assert.Equal([EngagementKind.Unsubscribe, EngagementKind.Resubscribe, EngagementKind.Unsubscribe], changes.Select(change => change.Kind));
        Assert.Equal(3, changes.Select(change => change.EventId).Distinct().Count());
    }

    [Fact]
    public async Task A_press_released_a_second_time_after_a_later_change_made_at_the_same_moment_does_not_undo_it()
    {
        // A held press can be released twice at once: by the replica that held it, which finds its email stored when it
        // looks again, and by the one that stored the email. Between the two, the reader may have pressed again; the
        // test's clock is fixed, so every press carries the same time and only the press's id can tell them apart.
        var ct = TestContext.Current.CancellationToken;
        await using var app = await StartAsync();
        var emailId = await SentEmails.SendAsync(app);
        var email = await Ingestion.Webhooks.SentEmails.FindSentEmailAsync(app.Documents, emailId, ct) ?? throw new InvalidOperationException("The email was not stored.");
        await using var scope = app.Services.CreateAsyncScope();
        var changes = scope.ServiceProvider.GetRequiredService<Ingestion.Links.SubscriptionChanges>();
        var unsubscribe = changes.Press(emailId, EngagementKind.Unsubscribe);

        await changes.ApplyAsync(email, unsubscribe, released: true, ct);
        await changes.ApplyAsync(email, changes.Press(emailId, EngagementKind.Resubscribe), released: false, ct);
        await changes.ApplyAsync(email, unsubscribe, released: true, ct);

        Assert.Equal([EngagementKind.Unsubscribe, EngagementKind.Resubscribe], app.Published<EmailEngaged>().Select(change => change.Kind));
        Assert.False(await SuppressedAsync(app));
    }

    [Fact]
    public async Task A_press_on_a_replica_whose_clock_is_behind_still_follows_the_change_made_on_another()
    {
        // Two replicas behind one load balancer, the second's clock a second behind the first's: each press comes
        // after the one before it, as the reader made them, whatever the clocks say.
        await using var ahead = await StartAsync();
        await using var behind = await IngestionApp.StartAsync(configure: TailorLinks.Settings, replicaOf: ahead, now: IngestionApp.Now.AddSeconds(-1));
        var emailId = await SentEmails.SendAsync(ahead);

        using var unsubscribed = await OneClickAsync(ahead, emailId);
        using var resubscribed = await behind.AnonymousClient().PostAsync(TailorLinks.Resubscribe(emailId), new FormUrlEncodedContent([]), TestContext.Current.CancellationToken);

        Assert.Equal("You are subscribed again", (await ParseAsync(resubscribed)).QuerySelector("h1")?.TextContent);
        Assert.False(await SuppressedAsync(ahead));
        Assert.True((await ahead.ContactAsync(SentEmails.UserId)).EmailConsent);

        using var unsubscribedAgain = await OneClickAsync(behind, emailId);

        Assert.True(await SuppressedAsync(ahead));
        Assert.False((await ahead.ContactAsync(SentEmails.UserId)).EmailConsent);
        Assert.Equal([EngagementKind.Unsubscribe], ahead.Published<EmailEngaged>().Select(change => change.Kind));
        Assert.Equal([EngagementKind.Resubscribe, EngagementKind.Unsubscribe], behind.Published<EmailEngaged>().Select(change => change.Kind));
    }

    [Theory]
    [InlineData("missing")]
    [InlineData("forged")]
    [InlineData("a product link's")]
    [InlineData("another email's")]
    public async Task Link_without_its_signature_is_a_404_and_touches_nothing(string signature)
    {
        await using var app = await StartAsync();
        var emailId = await SentEmails.SendAsync(app);
        var path = $"/u/{emailId:D}" + signature switch
        {
            "missing" => "",
            "forged" => "?s=AAAAAAAAAAAAAAAAAAAAAA",
            "a product link's" => $"?s={TailorLinks.Signature.Sign(emailId, SentEmails.ShownItem)}",
            _ => $"?s={TailorLinks.Signature.SignUnsubscribe(Guid.NewGuid())}",
        };
        using var client = app.AnonymousClient();

        using var page = await client.GetAsync(path, TestContext.Current.CancellationToken);
        using var post = await client.PostAsync(path, OneClick(), TestContext.Current.CancellationToken);
        using var resubscribe = await client.PostAsync(path.Replace($"{emailId:D}", $"{emailId:D}/resubscribe", StringComparison.Ordinal), OneClick(), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Equal("This link does not work", (await ParseAsync(page)).QuerySelector("h1")?.TextContent);
        Assert.Equal("Unknown unsubscribe link", await Problems.TitleAsync(post, HttpStatusCode.NotFound));
        Assert.Equal("Unknown unsubscribe link", await Problems.TitleAsync(resubscribe, HttpStatusCode.NotFound));
        Assert.False(await SuppressedAsync(app));
        Assert.Empty(app.Published<EmailEngaged>());
    }

    [Fact]
    public async Task Signed_link_of_an_erased_user_is_held_naming_no_one_and_publishes_nothing()
    {
        await using var app = await StartAsync();
        var emailId = await SentEmails.SendAsync(app);
        using var erased = await app.Client.DeleteAsync($"/v1/users/{SentEmails.UserId}", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Accepted, erased.StatusCode);

        // Ingestion cannot tell an erased user's email from one not stored yet: both are held, and this one expires.
        using var page = await app.AnonymousClient().GetAsync(TailorLinks.Unsubscribe(emailId), TestContext.Current.CancellationToken);
        using var post = await OneClickAsync(app, emailId);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("Unsubscribe", Assert.Single((await ParseAsync(page)).QuerySelectorAll("button")).TextContent);
        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        Assert.Equal("Your unsubscribe is recorded", (await ParseAsync(post)).QuerySelector("h1")?.TextContent);
        Assert.Empty(app.Published<EmailEngaged>());
        Assert.Empty(await app.RecordedAsync<EmailEngaged>());
        Assert.Empty(await app.Documents.ListAsync(Ingestion.Links.SubscriptionChanges.Collection, TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken));
        Assert.DoesNotContain(SentEmails.UserId, Assert.Single(await app.Documents.ListAsync(Engagements.EarlyEngagements.Collection, TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken)).Value, StringComparison.Ordinal);
        Assert.DoesNotContain(app.Logs.GetSnapshot(), log => log.Message.Contains(SentEmails.UserId, StringComparison.Ordinal) && log.Message.Contains("link", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Head_answers_as_get_without_a_body_and_changes_nothing()
    {
        // On Kestrel: what a HEAD answer carries on the wire is the server's to decide.
        await using var app = await IngestionApp.StartAsync(configure: TailorLinks.Settings, kestrel: true);
        var emailId = await SentEmails.SendAsync(app);
        using var client = app.AnonymousClient();

        using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, TailorLinks.Unsubscribe(emailId)), TestContext.Current.CancellationToken);
        using var forged = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, $"/u/{emailId:D}?s=forged"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal("text/html", head.Content.Headers.ContentType?.MediaType);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        Assert.Empty(app.Published<EmailEngaged>());
        Assert.Empty(await app.Documents.ListAsync(Ingestion.Links.SubscriptionChanges.Collection, TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken));
    }

    /// <summary>What a person's browser may send that the link cannot take, and the status each is.</summary>
    public static TheoryData<string, string, HttpStatusCode> BadRequests => new()
    {
        { "a form without the field", "POST form foo=bar", HttpStatusCode.BadRequest },
        { "a body that is not a form", "POST text/plain", HttpStatusCode.UnsupportedMediaType },
        { "a form of 10 MB", "POST 10 MB form", HttpStatusCode.RequestEntityTooLarge },
        { "the link cut off at the id", "GET /u/", HttpStatusCode.NotFound },
        { "the resubscribe address opened", "GET resubscribe", HttpStatusCode.MethodNotAllowed },
        { "a product link cut off", "GET /c/", HttpStatusCode.NotFound },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task Browser_gets_a_page_for_a_request_the_link_cannot_take(string name, string request, HttpStatusCode status)
    {
        await using var app = await StartAsync();
        var emailId = await SentEmails.SendAsync(app);

        using var response = await SendAsync(app, emailId, request, "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");

        Assert.True(status == response.StatusCode, $"{name}: {response.StatusCode}");
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        var page = await ParseAsync(response);
        Assert.Contains("Hearth & Home", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(page.QuerySelector("h1")?.TextContent));
        Assert.False(await SuppressedAsync(app));
    }

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task Program_gets_problem_details_for_the_same(string name, string request, HttpStatusCode status)
    {
        await using var app = await StartAsync();
        var emailId = await SentEmails.SendAsync(app);

        using var response = await SendAsync(app, emailId, request, accept: null);

        // A refused body says what was wrong with it; routing's own 404 and 405 carry their title.
        if (status == HttpStatusCode.BadRequest)
        {
            Assert.Equal(["List-Unsubscribe"], (await Problems.ValidationErrorsAsync(response)).Keys);
        }
        else if (request.StartsWith("POST", StringComparison.Ordinal))
        {
            Assert.False(string.IsNullOrWhiteSpace(await Problems.DetailAsync(response, status)), name);
        }
        else
        {
            Assert.False(string.IsNullOrWhiteSpace(await Problems.TitleAsync(response, status)), name);
        }
    }

    [Theory]
    [InlineData("List-Unsubscribe=Yes")]
    [InlineData("unsubscribe=One-Click")]
    [InlineData("List-Unsubscribe=One-Click&List-Unsubscribe=One-Click")]
    [InlineData("")]
    public async Task Post_without_the_one_click_field_is_a_400_naming_it(string body)
    {
        await using var app = await StartAsync();
        var emailId = await SentEmails.SendAsync(app);

        using var response = await app.AnonymousClient().PostAsync(
            TailorLinks.Unsubscribe(emailId), new StringContent(body, System.Text.Encoding.ASCII, "application/x-www-form-urlencoded"), TestContext.Current.CancellationToken);

        Assert.Equal(["List-Unsubscribe"], (await Problems.ValidationErrorsAsync(response)).Keys);
        Assert.False(await SuppressedAsync(app));
    }

    [Fact]
    public async Task Post_that_is_not_a_form_is_a_415()
    {
        await using var app = await StartAsync();
        var emailId = await SentEmails.SendAsync(app);

        using var response = await app.AnonymousClient().PostAsync(
            TailorLinks.Unsubscribe(emailId), new StringContent("""{"List-Unsubscribe":"One-Click"}""", System.Text.Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        Assert.Equal("Unsupported Media Type", await Problems.TitleAsync(response, HttpStatusCode.UnsupportedMediaType));
        Assert.False(await SuppressedAsync(app));
    }

    [Fact]
    public async Task A_browser_posting_a_bad_link_gets_a_page_not_json()
    {
        await using var app = await StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/u/{Guid.NewGuid():D}?s=forged") { Content = OneClick() };
        request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");

        using var response = await app.AnonymousClient().SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Store_down_is_a_503_for_the_press_never_a_500()
    {
        await using var app = await IngestionApp.StartAsync(
            services => services.Replace(ServiceDescriptor.Singleton<IDocumentStore, ClickRedirectTests.UnreachableDocumentStore>()), TailorLinks.Settings);
        var emailId = Guid.NewGuid();

        using var page = await app.AnonymousClient().GetAsync(TailorLinks.Unsubscribe(emailId), TestContext.Current.CancellationToken);
        using var post = await OneClickAsync(app, emailId);

        // The page reads nothing, so it shows; the press that cannot be recorded is the 503.
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("Ingestion is unavailable", await Problems.TitleAsync(post, HttpStatusCode.ServiceUnavailable));
        Assert.NotNull(post.Headers.RetryAfter);
    }

    [Fact]
    public async Task Brand_on_the_page_is_the_one_the_emails_carry_by_default()
    {
        await using var app = await IngestionApp.StartAsync();
        var emailId = await SentEmails.SendAsync(app);

        using var response = await app.AnonymousClient().GetAsync(TailorLinks.Unsubscribe(emailId), TestContext.Current.CancellationToken);

        Assert.Equal("Unsubscribe from Tailor Shop", (await ParseAsync(response)).Title);
    }

    /// <summary>Ingestion with the email's user and a second user id holding the same address, both consenting.</summary>
    internal static async Task<IngestionApp> StartAsync(Action<IServiceCollection>? replace = null)
    {
        var app = await IngestionApp.StartAsync(replace, TailorLinks.Settings);
        foreach (var (userId, email) in new[] { (SentEmails.UserId, Address), (OtherHolder, "Ada@Example.com ") })
        {
            using var response = await app.PostAsync("/v1/identify", new { userId, traits = new { email = email.Trim(), email_consent = true } });
            response.EnsureSuccessStatusCode();
        }

        return app;
    }

    private static async Task<HttpResponseMessage> SendAsync(IngestionApp app, Guid emailId, string request, string? accept)
    {
        var message = request switch
        {
            "POST form foo=bar" => Post(TailorLinks.Unsubscribe(emailId), new StringContent("foo=bar", System.Text.Encoding.ASCII, "application/x-www-form-urlencoded")),
            "POST text/plain" => Post(TailorLinks.Unsubscribe(emailId), new StringContent("List-Unsubscribe=One-Click", System.Text.Encoding.ASCII, "text/plain")),
            "POST 10 MB form" => Post(
                TailorLinks.Unsubscribe(emailId),
                new StringContent("List-Unsubscribe=One-Click&pad=" + new string('p', 10_000_000), System.Text.Encoding.ASCII, "application/x-www-form-urlencoded")),
            "GET /u/" => new HttpRequestMessage(HttpMethod.Get, "/u/"),
            "GET resubscribe" => new HttpRequestMessage(HttpMethod.Get, TailorLinks.Resubscribe(emailId)),
            "GET /c/" => new HttpRequestMessage(HttpMethod.Get, "/c/"),
            _ => throw new ArgumentOutOfRangeException(nameof(request), request, null),
        };
        if (accept is not null)
        {
            message.Headers.Accept.ParseAdd(accept);
        }

        using (message)
        {
            return await app.AnonymousClient().SendAsync(message, TestContext.Current.CancellationToken);
        }
    }

    private static HttpRequestMessage Post(string path, HttpContent content) => new(HttpMethod.Post, path) { Content = content };

    private static FormUrlEncodedContent OneClick() => new([new("List-Unsubscribe", "One-Click")]);

    internal static Task<HttpResponseMessage> OneClickAsync(IngestionApp app, Guid emailId) =>
        app.AnonymousClient().PostAsync(TailorLinks.Unsubscribe(emailId), OneClick(), TestContext.Current.CancellationToken);

    // Read straight from the suppression list, not through the bus: the answer must come after the suppression.
    internal static Task<bool> SuppressedAsync(IngestionApp app) =>
        app.Services.GetRequiredService<SuppressionList>().IsSuppressedAsync(Address, TestContext.Current.CancellationToken);

    private static async Task<bool> SliceSuppressedAsync(IngestionApp app, string userId) =>
        (await app.Profiles.ReadAsync(userId, TestContext.Current.CancellationToken))!.Contact!.Suppressed;

    /// <summary>Parses the page with an HTML5 parser in strict mode: any parse error (a stray tag, a bad attribute) fails the test.</summary>
    internal static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        var page = new HtmlParser(new HtmlParserOptions { IsStrictMode = true }).ParseDocument(html);
        Assert.Equal("html", page.Doctype?.Name);
        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
        Assert.False(string.IsNullOrWhiteSpace(page.Title));
        Assert.Equal("utf-8", page.QuerySelector("meta[charset]")?.GetAttribute("charset"));
        Assert.Empty(page.QuerySelectorAll("script, link, img, iframe, [onclick], [onload]"));
        Assert.All(page.Forms, form => Assert.Single(form.QuerySelectorAll("button[type=submit]")));
        return page;
    }
}
