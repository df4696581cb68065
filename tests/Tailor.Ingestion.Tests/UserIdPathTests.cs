using System.Net;
using System.Text.Json;
using Tailor.Contracts;

namespace Tailor.Ingestion.Tests;

/// <summary>
/// A user id may hold any character: what track and identify accept, export and erasure can name, percent-encoded
/// (what HTTP libraries send) or with its slashes as slashes. Run on the test server and on Kestrel, which leaves
/// <c>%2F</c> encoded in the path it routes on.
/// </summary>
public sealed class UserIdPathTests
{
    public static TheoryData<string, bool> Ids()
    {
        var data = new TheoryData<string, bool>();
        foreach (var id in new[] { "tenant/42/user/7", "a|b", "a+b", "a#b", "100%", "with space", "ünïcødé/用户", "a/../b", "trailing/" })
        {
            data.Add(id, false);
            data.Add(id, true);
        }

        // Only Kestrel keeps the target as sent: the test server hands the app "a%2Fb" for it, as for the id "a/b".
        data.Add("a%2Fb", true);
        return data;
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public async Task Percent_encoded_id_is_exported_and_erased(string userId, bool kestrel)
    {
        await using var app = await IngestionApp.StartAsync(kestrel: kestrel);
        await SeedAsync(app, userId);
        var path = "/v1/users/" + Uri.EscapeDataString(userId);

        await AssertExportedAsync(app, path + "/export", userId);
        await AssertErasedAsync(app, path, userId);
    }

    [Theory]
    [InlineData("tenant/42/user/7", false)]
    [InlineData("tenant/42/user/7", true)]
    [InlineData("ünïcødé/用户", true)]
    [InlineData("a/export", true)]
    public async Task Id_with_its_slashes_as_slashes_is_exported_and_erased(string userId, bool kestrel)
    {
        await using var app = await IngestionApp.StartAsync(kestrel: kestrel);
        await SeedAsync(app, userId);
        var path = "/v1/users/" + string.Join('/', userId.Split('/').Select(Uri.EscapeDataString));

        await AssertExportedAsync(app, path + "/export", userId);
        await AssertErasedAsync(app, path, userId);
    }

    [Fact]
    public async Task An_encoded_percent_and_an_encoded_slash_name_different_users()
    {
        // Kestrel routes on "tenant%2F42" for both "tenant%2F42" and "tenant%252F42"; the raw target tells them apart.
        await using var app = await IngestionApp.StartAsync(kestrel: true);
        await SeedAsync(app, "tenant/42", "slash@example.com");
        await SeedAsync(app, "tenant%2F42", "percent@example.com");

        Assert.Equal("slash@example.com", await ExportedEmailAsync(app, "/v1/users/tenant%2F42/export"));
        Assert.Equal("percent@example.com", await ExportedEmailAsync(app, "/v1/users/tenant%252F42/export"));
    }

    [Theory]
    [InlineData("/v1/users/a+b/export", "a+b")]
    [InlineData("/v1/users/100%25/export", "100%")]
    [InlineData("/v1/users/with%20space/export", "with space")]
    [InlineData("/v1/users/tenant%2f42/export", "tenant/42")]
    [InlineData("/v1/users/%C3%BCn%C3%AFc%C3%B8d%C3%A9/%E7%94%A8%E6%88%B7/export", "ünïcødé/用户")]
    [InlineData("/V1/Users/a+b/EXPORT", "a+b")]
    public async Task Target_as_written_names_the_user(string target, string userId)
    {
        // Byte for byte, as a client that builds its own URLs might write them: '+' is a plus, %2f as good as %2F.
        await using var app = await IngestionApp.StartAsync(kestrel: true);
        await SeedAsync(app, userId);

        var response = await RawHttp.SendAsync(app, $"GET {target} HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer {IngestionApp.AllScopesKey}\r\nConnection: close\r\n\r\n");

        Assert.True(response.Status == 200, $"{response.Status}: {response.Body}");
        Assert.Equal("ada@example.com", JsonDocument.Parse(response.Body).RootElement.GetProperty("contact").GetProperty("email").GetString());
    }

    [Theory]
    [InlineData("/v1/users/100%/export", "percent-encoded")]
    [InlineData("/v1/users/%FF%FE/export", "percent-encoded")]
    [InlineData("/v1/users/a/%2E%2E/12583/export", "'.' or '..'")]
    [InlineData("/v1/users/a/./12583/export", "'.' or '..'")]
    [InlineData("/v1/users//export", "at most 256")]
    [InlineData("/v1/users/%20/export", "at most 256")]
    [InlineData("/v1/users/a%09b/export", "at most 256")]
    public async Task Path_that_names_no_id_unambiguously_is_a_400(string target, string message)
    {
        // Sent as written, byte for byte: HttpClient would resolve the dot segments and escape the stray '%' itself.
        await using var app = await IngestionApp.StartAsync(kestrel: true);
        await SeedAsync(app, "12583");

        var response = await RawHttp.SendAsync(app, $"GET {target} HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer {IngestionApp.AllScopesKey}\r\nConnection: close\r\n\r\n");

        Assert.Equal(400, response.Status);
        Assert.Equal(Problems.ContentType, response.ContentType);
        Assert.Contains(message, JsonDocument.Parse(response.Body).RootElement.GetProperty("errors").GetProperty("userId")[0].GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("DELETE", "/v1/users/..")]
    [InlineData("DELETE", "/v1/users/.")]
    [InlineData("DELETE", "/v1/users/%2E%2E")]
    [InlineData("GET", "/v1/users/../export")]
    [InlineData("GET", "/v1/users/./export")]
    [InlineData("GET", "/v1/users/../../export")]
    public async Task Whole_dot_segment_as_the_id_is_a_400_naming_it(string method, string target)
    {
        // The server resolves these away before routing (/v1/users/.. is /v1/), so they never reached the users routes.
        await using var app = await IngestionApp.StartAsync(kestrel: true);

        var response = await RawHttp.SendAsync(app, $"{method} {target} HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer {IngestionApp.AllScopesKey}\r\nConnection: close\r\n\r\n");

        Assert.Equal(400, response.Status);
        Assert.Equal(Problems.ContentType, response.ContentType);
        Assert.Contains("'.' or '..'", JsonDocument.Parse(response.Body).RootElement.GetProperty("errors").GetProperty("userId")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Whole_dot_segment_as_the_id_still_needs_the_key()
    {
        await using var app = await IngestionApp.StartAsync(kestrel: true);

        var response = await RawHttp.SendAsync(app, "DELETE /v1/users/.. HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        Assert.Equal(401, response.Status);
    }

    [Fact]
    public async Task Get_under_users_that_is_not_an_export_is_a_404()
    {
        await using var app = await IngestionApp.StartAsync();
        await SeedAsync(app, "tenant/42");

        using var response = await app.Client.GetAsync("/v1/users/tenant/42", TestContext.Current.CancellationToken);

        await Problems.TitleAsync(response, HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData(".")]
    [InlineData("..")]
    public async Task Dot_segment_ids_are_refused_where_they_come_in(string userId)
    {
        // No URL path can name them (servers resolve them away, percent-encoded or not), so they could never be erased.
        await using var app = await IngestionApp.StartAsync();

        using var response = await app.PostAsync("/v1/identify", new { userId, traits = new { email = "dot@example.com" } });

        Assert.Contains("userId", (await Problems.ValidationErrorsAsync(response)).Keys);
    }

    [Fact]
    public async Task Openapi_document_describes_the_id_of_export_and_erasure_once()
    {
        await using var app = await IngestionApp.StartAsync();
        using var client = app.AnonymousClient();

        var paths = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken)).RootElement.GetProperty("paths");

        Assert.Equal(
            ["/v1/users/{userId}", "/v1/users/{userId}/export"],
            paths.EnumerateObject().Select(path => path.Name).Where(path => path.StartsWith("/v1/users", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        foreach (var (path, method) in new[] { ("/v1/users/{userId}", "delete"), ("/v1/users/{userId}/export", "get") })
        {
            var parameter = Assert.Single(paths.GetProperty(path).GetProperty(method).GetProperty("parameters").EnumerateArray());
            Assert.Equal(("userId", "path", true), (parameter.GetProperty("name").GetString(), parameter.GetProperty("in").GetString(), parameter.GetProperty("required").GetBoolean()));
            Assert.Contains("%2F", parameter.GetProperty("description").GetString(), StringComparison.Ordinal);
        }
    }

    private static async Task SeedAsync(IngestionApp app, string userId, string email = "ada@example.com")
    {
        using var identified = await app.PostAsync("/v1/identify", new { userId, traits = new { email, email_consent = true } });
        using var tracked = await app.PostAsync("/v1/track", new { userId, @event = "Cart Viewed" });
        identified.EnsureSuccessStatusCode();
        tracked.EnsureSuccessStatusCode();
    }

    private static async Task AssertExportedAsync(IngestionApp app, string path, string userId)
    {
        using var response = await app.Client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}");
        var export = await IngestionApp.ReadJsonAsync(response);
        Assert.Equal("ada@example.com", export.GetProperty("contact").GetProperty("email").GetString());
        Assert.Equal(2, export.GetProperty("events").GetArrayLength());
        Assert.All(app.Published<UserActivityTracked>(), tracked => Assert.Equal(userId, tracked.UserId));
    }

    private static async Task AssertErasedAsync(IngestionApp app, string path, string userId)
    {
        using var erased = await app.Client.DeleteAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Accepted, erased.StatusCode);
        Assert.Equal(userId, (await IngestionApp.ReadJsonAsync(erased)).GetProperty("userId").GetString());
        Assert.Equal(userId, Assert.Single(app.Published<UserErased>()).UserId);
        using var after = await app.Client.GetAsync(new Uri(path + "/export", UriKind.Relative), TestContext.Current.CancellationToken);
        await Problems.TitleAsync(after, HttpStatusCode.NotFound);
    }

    private static async Task<string?> ExportedEmailAsync(IngestionApp app, string path)
    {
        using var response = await app.Client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        return (await IngestionApp.ReadJsonAsync(response)).GetProperty("contact").GetProperty("email").GetString();
    }
}
