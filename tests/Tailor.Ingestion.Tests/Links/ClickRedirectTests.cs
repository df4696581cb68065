using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Tailor.Contracts;
using Tailor.Ingestion.Tests.Webhooks;
using Tailor.Storage;

namespace Tailor.Ingestion.Tests.Links;

/// <summary><c>GET /c/{emailId}/{itemId}?s=…</c>: a signed product link records one click and leads to the item's page; any other leads home.</summary>
public sealed class ClickRedirectTests
{
    private const string ReaderAgent = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1";
    private const string ScannerAgent = "Mozilla/5.0 (compatible; Barracuda Sentinel link protection)";

    [Fact]
    public async Task Signed_click_redirects_to_the_item_page_and_records_one_click_however_often_it_is_clicked()
    {
        await using var app = await IngestionApp.StartAsync(configure: TailorLinks.Settings);
        await TailorLinks.UpsertAsync(app, (SentEmails.ShownItem, TailorLinks.ItemPage));
        var emailId = await SentEmails.SendAsync(app);

        using var first = await GetAsync(app, TailorLinks.Click(emailId, SentEmails.ShownItem), ReaderAgent);
        using var second = await GetAsync(app, TailorLinks.Click(emailId, SentEmails.ShownItem), ReaderAgent);

        AssertRedirect(TailorLinks.ItemPage, first);
        AssertRedirect(TailorLinks.ItemPage, second);
        Assert.Equal("no-store", first.Headers.CacheControl?.ToString());
        var click = Assert.Single(app.Published<EmailEngaged>());
        Assert.Equal(
            (EngagementKind.Click, SentEmails.UserId, SentEmails.CampaignId, emailId, SentEmails.ShownItem, TailorLinks.ItemPage, false, IngestionApp.Now),
            (click.Kind, click.UserId, click.CampaignId, click.EmailId, click.ItemId, click.Url, click.IsMachineOpen, click.OccurredAt));
        Assert.Equal(click.EventId, Assert.Single(await app.RecordedAsync<EmailEngaged>()).EventId);
    }

    [Fact]
    public async Task Head_redirects_as_get_does_and_records_no_click()
    {
        await using var app = await IngestionApp.StartAsync(configure: TailorLinks.Settings);
        await TailorLinks.UpsertAsync(app, (SentEmails.ShownItem, TailorLinks.ItemPage));
        var emailId = await SentEmails.SendAsync(app);
        using var client = app.AnonymousClient();
        using var request = new HttpRequestMessage(HttpMethod.Head, TailorLinks.Click(emailId, SentEmails.ShownItem));
        request.Headers.TryAddWithoutValidation("User-Agent", ReaderAgent);

        using var head = await client.SendAsync(request, TestContext.Current.CancellationToken);

        AssertRedirect(TailorLinks.ItemPage, head);
        Assert.Equal("no-store", head.Headers.CacheControl?.ToString());
        Assert.Empty(app.Published<EmailEngaged>());
        Assert.Empty(await app.RecordedAsync<EmailEngaged>());

        using var click = await GetAsync(app, TailorLinks.Click(emailId, SentEmails.ShownItem), ReaderAgent);

        Assert.Single(app.Published<EmailEngaged>());
    }

    [Fact]
    public async Task Link_scanner_click_is_flagged_and_does_not_swallow_the_readers_click()
    {
        await using var app = await IngestionApp.StartAsync(configure: TailorLinks.Settings);
        await TailorLinks.UpsertAsync(app, (SentEmails.ShownItem, TailorLinks.ItemPage));
        var emailId = await SentEmails.SendAsync(app);

        using var scanned = await GetAsync(app, TailorLinks.Click(emailId, SentEmails.ShownItem), ScannerAgent);
        using var read = await GetAsync(app, TailorLinks.Click(emailId, SentEmails.ShownItem), ReaderAgent);

        AssertRedirect(TailorLinks.ItemPage, scanned);
        var clicks = app.Published<EmailEngaged>();
        Assert.Equal([true, false], clicks.Select(click => click.IsMachineOpen));
        Assert.All(clicks, click => Assert.Equal(SentEmails.ShownItem, click.ItemId));
        Assert.NotEqual(clicks[0].EventId, clicks[1].EventId);
    }

    [Theory]
    [InlineData("missing")]
    [InlineData("forged")]
    [InlineData("another item's")]
    [InlineData("the unsubscribe link's")]
    [InlineData("given twice")]
    public async Task Unsigned_or_forged_link_leads_to_the_fallback_and_records_nothing(string signature)
    {
        await using var app = await IngestionApp.StartAsync(configure: TailorLinks.Settings);
        await TailorLinks.UpsertAsync(app, (SentEmails.ShownItem, TailorLinks.ItemPage), ("22423", "https://shop.example.com/products/22423"));
        var emailId = await SentEmails.SendAsync(app);
        var path = $"/c/{emailId:D}/{SentEmails.ShownItem}" + signature switch
        {
            "missing" => "",
            "forged" => "?s=AAAAAAAAAAAAAAAAAAAAAA",
            "another item's" => $"?s={TailorLinks.Signature.Sign(emailId, "22423")}",
            "the unsubscribe link's" => $"?s={TailorLinks.Signature.SignUnsubscribe(emailId)}",
            _ => $"?s={TailorLinks.Signature.Sign(emailId, SentEmails.ShownItem)}&s={TailorLinks.Signature.Sign(emailId, SentEmails.ShownItem)}",
        };

        using var response = await GetAsync(app, path, ReaderAgent);

        AssertRedirect(TailorLinks.Fallback, response);
        Assert.Empty(app.Published<EmailEngaged>());
        Assert.Empty(await app.RecordedAsync<EmailEngaged>());
    }

    [Fact]
    public async Task Item_without_a_page_leads_to_the_fallback_and_the_click_still_counts()
    {
        await using var app = await IngestionApp.StartAsync(configure: TailorLinks.Settings);
        await TailorLinks.UpsertAsync(app, (SentEmails.ShownItem, null));
        var emailId = await SentEmails.SendAsync(app);

        using var response = await GetAsync(app, TailorLinks.Click(emailId, SentEmails.ShownItem), ReaderAgent);

        AssertRedirect(TailorLinks.Fallback, response);
        var click = Assert.Single(app.Published<EmailEngaged>());
        Assert.Equal((SentEmails.ShownItem, TailorLinks.Fallback), (click.ItemId, click.Url));
    }

    [Fact]
    public async Task Item_the_catalog_never_had_leads_to_the_fallback()
    {
        await using var app = await IngestionApp.StartAsync(configure: TailorLinks.Settings);
        var emailId = await SentEmails.SendAsync(app);

        using var response = await GetAsync(app, TailorLinks.Click(emailId, SentEmails.ShownItem), ReaderAgent);

        AssertRedirect(TailorLinks.Fallback, response);
    }

    [Fact]
    public async Task Changing_an_items_page_moves_where_its_links_lead()
    {
        await using var app = await IngestionApp.StartAsync(configure: TailorLinks.Settings);
        await TailorLinks.UpsertAsync(app, (SentEmails.ShownItem, TailorLinks.ItemPage));
        await TailorLinks.UpsertAsync(app, (SentEmails.ShownItem, "https://shop.example.com/sale/85123A"));
        var emailId = await SentEmails.SendAsync(app);

        using var response = await GetAsync(app, TailorLinks.Click(emailId, SentEmails.ShownItem), ReaderAgent);

        AssertRedirect("https://shop.example.com/sale/85123A", response);
    }

    [Fact]
    public async Task Signed_link_of_an_email_not_stored_leads_to_the_item_and_holds_the_click_for_it()
    {
        await using var app = await IngestionApp.StartAsync(configure: TailorLinks.Settings);
        await TailorLinks.UpsertAsync(app, (SentEmails.ShownItem, TailorLinks.ItemPage));

        using var response = await GetAsync(app, TailorLinks.Click(Guid.NewGuid(), SentEmails.ShownItem), ReaderAgent);

        AssertRedirect(TailorLinks.ItemPage, response);
        Assert.Empty(app.Published<EmailEngaged>());
        Assert.NotEmpty(await app.Documents.ListAsync(Engagements.EarlyEngagements.Collection, TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("GIFT 0001/20")]
    [InlineData("50% off")]
    [InlineData("tenant/42|sku+7 #1")]
    [InlineData("Ümlaut-Teekanne")]
    public async Task Item_ids_with_any_characters_lead_to_their_own_page(string itemId)
    {
        await using var app = await IngestionApp.StartAsync(configure: TailorLinks.Settings);
        await TailorLinks.UpsertAsync(app, (itemId, "https://shop.example.com/p/1"), ("GIFT 0001/20%", "https://shop.example.com/p/2"));
        var emailId = await SentEmails.SendAsync(app);

        using var response = await GetAsync(app, TailorLinks.Click(emailId, itemId), ReaderAgent);

        AssertRedirect("https://shop.example.com/p/1", response);
        Assert.Equal(itemId, Assert.Single(app.Published<EmailEngaged>()).ItemId);
    }

    // Kestrel hands the handler the request target as sent; the test client does not, so this sets it as Kestrel would.
    [Theory]
    [InlineData("GIFT%2F20", "GIFT%252F20", "https://shop.example.com/p/percent")]
    [InlineData("GIFT/20", "GIFT%2F20", "https://shop.example.com/p/slash")]
    [InlineData("GIFT/20", "GIFT/20", "https://shop.example.com/p/slash")]
    public async Task Item_id_is_unescaped_once_from_the_url_as_sent(string itemId, string inLink, string page)
    {
        await using var app = await IngestionApp.StartAsync(configure: TailorLinks.Settings);
        await TailorLinks.UpsertAsync(app, ("GIFT%2F20", "https://shop.example.com/p/percent"), ("GIFT/20", "https://shop.example.com/p/slash"));
        var emailId = await SentEmails.SendAsync(app);
        var target = $"/c/{emailId:D}/{inLink}?s={TailorLinks.Signature.Sign(emailId, itemId)}";

        var context = await ((TestServer)app.Services.GetRequiredService<IServer>()).SendAsync(
            http =>
            {
                http.Request.Method = HttpMethods.Get;
                http.Request.Path = PathString.FromUriComponent(target[..target.IndexOf('?', StringComparison.Ordinal)]);
                http.Request.QueryString = new QueryString(target[target.IndexOf('?', StringComparison.Ordinal)..]);
                http.Features.Get<IHttpRequestFeature>()!.RawTarget = target;
            },
            TestContext.Current.CancellationToken);

        Assert.Equal((StatusCodes.Status302Found, page), (context.Response.StatusCode, context.Response.Headers.Location.ToString()));
        Assert.Equal(itemId, Assert.Single(app.Published<EmailEngaged>()).ItemId);
    }

    [Fact]
    public async Task Store_down_still_redirects_and_never_answers_500()
    {
        await using var app = await IngestionApp.StartAsync(
            services => services.Replace(ServiceDescriptor.Singleton<IDocumentStore, UnreachableDocumentStore>()), TailorLinks.Settings);

        using var response = await GetAsync(app, TailorLinks.Click(Guid.NewGuid(), SentEmails.ShownItem), ReaderAgent);

        AssertRedirect(TailorLinks.Fallback, response);
    }

    [Fact]
    public async Task Fallback_must_be_an_absolute_web_address()
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => IngestionApp.StartAsync(configure: new Dictionary<string, string?>
        {
            ["Tailor:Ingestion:Links:FallbackUrl"] = "javascript:alert(1)",
        }));

        Assert.Contains("FallbackUrl", failure.Message, StringComparison.Ordinal);
    }

    internal static async Task<HttpResponseMessage> GetAsync(IngestionApp app, string path, string userAgent)
    {
        using var client = app.AnonymousClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("User-Agent", userAgent);
        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    internal static void AssertRedirect(string destination, HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal(destination, response.Headers.Location?.OriginalString);
    }

    /// <summary>A document store that is down: every call fails as a lost connection would.</summary>
    internal sealed class UnreachableDocumentStore : IDocumentStore
    {
        public Task UpsertAsync(string collection, string id, string json, CancellationToken cancellationToken = default) => Fail<bool>();

        public Task<string?> GetAsync(string collection, string id, CancellationToken cancellationToken = default) => Fail<string?>();

        public Task<bool> DeleteAsync(string collection, string id, CancellationToken cancellationToken = default) => Fail<bool>();

        public Task<VersionedDocument?> GetVersionedAsync(string collection, string id, CancellationToken cancellationToken = default) =>
            Fail<VersionedDocument?>();

        public Task<bool> TryInsertAsync(string collection, string id, string json, CancellationToken cancellationToken = default) => Fail<bool>();

        public Task<bool> TryReplaceAsync(string collection, string id, string json, long expectedVersion, CancellationToken cancellationToken = default) =>
            Fail<bool>();

        public IAsyncEnumerable<KeyValuePair<string, string>> ListAsync(string collection, CancellationToken cancellationToken = default) =>
            throw new IOException("the document store is unreachable");

        private static Task<T> Fail<T>() => Task.FromException<T>(new IOException("the document store is unreachable"));
    }
}
