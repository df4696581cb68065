using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Tailor.Contracts;

namespace Tailor.Ingestion.Tests.Links;

/// <summary>
/// Malformed and hostile requests to the links in emails: a click never leads anywhere but the fallback, an unsubscribe
/// request is a 4xx, nothing is ever a 5xx, and nothing is kept.
/// </summary>
public sealed class HostileLinkInputTests
{
    private const string Email = "5b107ef2-7c35-4e4f-a7f4-0d8a3c1d2e90";
    private static readonly string ValidUnsubscribe = TailorLinks.Unsubscribe(Guid.Parse(Email));

    public static TheoryData<string, string> Gets => new()
    {
        { "email id not a GUID", "/c/not-a-guid/85123A?s=x" },
        { "email id in braces", $"/c/{{{Email}}}/85123A?s={TailorLinks.Signature.Sign(Guid.Parse(Email), "85123A")}" },
        { "email id with no dashes", $"/c/{Email.Replace("-", "", StringComparison.Ordinal)}/85123A?s={TailorLinks.Signature.Sign(Guid.Parse(Email), "85123A")}" },
        { "item id of 5000 characters", $"/c/{Email}/{new string('a', 5_000)}?s=x" },
        { "signature of 10000 characters", $"/c/{Email}/85123A?s={new string('A', 10_000)}" },
        { "broken escapes", $"/c/{Email}/85%ZZ123A?s=%ZZ%" },
        // A NUL in the path never reaches Ingestion: Kestrel refuses it (and the test client will not send it).
        { "control character as the item id", $"/c/{Email}/%01?s=x" },
        { "path climbing", $"/c/{Email}/..%2F..%2Fetc%2Fpasswd?s=x" },
        { "URL as the item id", $"/c/{Email}/https:%2F%2Fevil.example%2F?s=x" },
        { "empty item id", $"/c/{Email}/?s=x" },
        { "signature three times", $"/c/{Email}/85123A?s=x&s=y&s=z" },
        { "odd query", $"/c/{Email}/85123A?s[]=x&%00=1&&=&s" },
        { "no email id", "/c//evil.example/?s=x" },
        { "unsubscribe id not a GUID", "/u/not-a-guid?s=x" },
        { "unsubscribe id in braces", $"/u/{{{Email}}}?s=x" },
        { "unsubscribe with a long signature", $"/u/{Email}?s={new string('A', 10_000)}" },
        { "unsubscribe with broken escapes", $"/u/{Email}?s=%" },
        { "unsubscribe control character as the id", "/u/%01?s=x" },
        { "unsubscribe id of 5000 characters", $"/u/{new string('9', 5_000)}?s=x" },
    };

    public static TheoryData<string, string, string?, byte[]> Posts => new()
    {
        { "forged signature", $"/u/{Email}?s=forged", "application/x-www-form-urlencoded", Utf8("List-Unsubscribe=One-Click") },
        { "no signature", $"/u/{Email}", "application/x-www-form-urlencoded", Utf8("List-Unsubscribe=One-Click") },
        { "forged resubscribe", $"/u/{Email}/resubscribe?s=forged", "application/x-www-form-urlencoded", [] },
        { "not a GUID", "/u/not-a-guid?s=x", "application/x-www-form-urlencoded", Utf8("List-Unsubscribe=One-Click") },
        { "multipart without a boundary", ValidUnsubscribe, "multipart/form-data", Utf8("List-Unsubscribe=One-Click") },
        { "multipart that never ends", ValidUnsubscribe, "multipart/form-data; boundary=xyz", Utf8("--xyz\r\nContent-Disposition: form-data; name=\"List-Unsubscribe\"\r\n\r\nOne-Cl") },
        { "multipart with a huge part", ValidUnsubscribe, "multipart/form-data; boundary=xyz", Utf8($"--xyz\r\nContent-Disposition: form-data; name=\"List-Unsubscribe\"\r\n\r\n{new string('x', 20_000)}\r\n--xyz--\r\n") },
        { "body over the limit", ValidUnsubscribe, "application/x-www-form-urlencoded", Utf8("List-Unsubscribe=One-Click&pad=" + new string('p', 20_000)) },
        { "a thousand fields", ValidUnsubscribe, "application/x-www-form-urlencoded", Utf8(string.Join('&', Enumerable.Range(0, 1_000).Select(index => $"f{index}=1"))) },
        { "JSON", ValidUnsubscribe, "application/json", Utf8("""{"List-Unsubscribe":"One-Click"}""") },
        { "plain text", ValidUnsubscribe, "text/plain", Utf8("List-Unsubscribe=One-Click") },
        { "no content type", ValidUnsubscribe, null, Utf8("List-Unsubscribe=One-Click") },
        { "broken escapes in the form", ValidUnsubscribe, "application/x-www-form-urlencoded", Utf8("List-Unsubscribe=One-Click%ZZ%") },
    };

    [Theory]
    [MemberData(nameof(Gets))]
    public async Task Hostile_link_leads_to_the_fallback_or_a_4xx_and_keeps_nothing(string name, string path)
    {
        await using var app = await IngestionApp.StartAsync(configure: TailorLinks.Settings);
        await TailorLinks.UpsertAsync(app, ("85123A", TailorLinks.ItemPage));

        using var response = await app.AnonymousClient().GetAsync(path, TestContext.Current.CancellationToken);

        if (response.StatusCode == HttpStatusCode.Found)
        {
            Assert.Equal(TailorLinks.Fallback, response.Headers.Location?.OriginalString);
        }
        else
        {
            Assert.True((int)response.StatusCode is >= 400 and < 500, $"{name}: {(int)response.StatusCode}");
        }

        await AssertNothingKeptAsync(app);
    }

    [Theory]
    [MemberData(nameof(Posts))]
    public async Task Hostile_unsubscribe_post_is_a_4xx_problem_and_keeps_nothing(string name, string path, string? contentType, byte[] body)
    {
        await using var app = await IngestionApp.StartAsync(configure: TailorLinks.Settings);
        using var content = new ByteArrayContent(body);
        if (contentType is not null)
        {
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        using var response = await app.AnonymousClient().PostAsync(path, content, TestContext.Current.CancellationToken);

        Assert.True((int)response.StatusCode is >= 400 and < 500, $"{name}: {(int)response.StatusCode}");
        Assert.Equal(Problems.ContentType, response.Content.Headers.ContentType?.MediaType);
        await AssertNothingKeptAsync(app);
    }

    [Theory]
    [MemberData(nameof(Posts))]
    public async Task Hostile_unsubscribe_post_from_a_browser_is_a_4xx_page_and_keeps_nothing(string name, string path, string? contentType, byte[] body)
    {
        await using var app = await IngestionApp.StartAsync(configure: TailorLinks.Settings);
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        if (contentType is not null)
        {
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        request.Headers.Accept.ParseAdd("text/html,*/*;q=0.8");

        using var response = await app.AnonymousClient().SendAsync(request, TestContext.Current.CancellationToken);

        Assert.True((int)response.StatusCode is >= 400 and < 500, $"{name}: {(int)response.StatusCode}");
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        await UnsubscribeTests.ParseAsync(response);
        await AssertNothingKeptAsync(app);
    }

    private static async Task AssertNothingKeptAsync(IngestionApp app)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        Assert.Empty(await app.RecordedAsync<EmailEngaged>());
        Assert.Empty(app.Published<EmailEngaged>());
        Assert.Empty(await app.Documents.ListAsync(Contacts.SuppressionList.Collection, cancellationToken).ToListAsync(cancellationToken));
        Assert.Empty(await app.Documents.ListAsync(Ingestion.Links.SubscriptionChanges.Collection, cancellationToken).ToListAsync(cancellationToken));
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
