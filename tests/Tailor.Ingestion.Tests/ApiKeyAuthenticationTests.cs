using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Tailor.Ingestion.Security;

namespace Tailor.Ingestion.Tests;

/// <summary>Every /v1 endpoint needs an API key with the right scope; refusals are problem details and keep nothing.</summary>
public sealed class ApiKeyAuthenticationTests
{
    private const string Track = """{"userId":"12583","event":"Cart Viewed"}""";

    [Fact]
    public async Task Post_without_key_is_401_problem_and_keeps_nothing()
    {
        await using var app = await IngestionApp.StartAsync();
        using var client = app.AnonymousClient();

        using var response = await client.PostAsync("/v1/track", Json(Track), TestContext.Current.CancellationToken);

        Assert.Equal("API key required", await Problems.TitleAsync(response, HttpStatusCode.Unauthorized));
        Assert.Contains("Bearer", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, await app.Events.CountAsync("ingestion", TestContext.Current.CancellationToken));
        Assert.Empty(app.Harness.Published.Select(_ => true, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Post_with_unknown_key_is_401()
    {
        await using var app = await IngestionApp.StartAsync();
        using var client = app.AnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ApiKeys.Create());

        using var response = await client.PostAsync("/v1/track", Json(Track), TestContext.Current.CancellationToken);

        await Problems.TitleAsync(response, HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("/v1/catalog", """{"items":[{"id":"22960","title":"JAM MAKING SET WITH JARS","price":4.25}]}""", ApiScopes.Catalog)]
    [InlineData("/v1/campaigns", """{"name":"n","goal":"g","audience":"all","sendWindow":{"start":"2011-12-01T00:00:00Z","end":"2011-12-02T00:00:00Z"}}""", ApiScopes.Campaigns)]
    [InlineData("/v1/admin/api-keys", """{"client":"crm","scopes":["events"]}""", ApiScopes.Admin)]
    public async Task Post_with_a_key_lacking_the_scope_is_403_naming_the_scope(string path, string body, string scope)
    {
        await using var app = await IngestionApp.StartAsync();
        using var client = await ClientWithScopesAsync(app, ApiScopes.Events);

        using var response = await client.PostAsync(path, Json(body), TestContext.Current.CancellationToken);

        Assert.Equal(
            $"POST {path} needs the '{scope}' scope; this API key is valid but has the scopes events.",
            await Problems.DetailAsync(response, HttpStatusCode.Forbidden));
        Assert.Equal(0, await app.Events.CountAsync("ingestion", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Get_with_a_key_lacking_the_scope_names_it_and_every_scope_the_key_has()
    {
        await using var app = await IngestionApp.StartAsync();
        using var client = await ClientWithScopesAsync(app, ApiScopes.Events, ApiScopes.Campaigns);

        using var response = await client.GetAsync("/v1/campaigns/0123456789abcdef0123456789abcdef/report", TestContext.Current.CancellationToken);

        var problem = await IngestionApp.ReadJsonAsync(response);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("Scope missing", problem.GetProperty("title").GetString());
        Assert.Equal(
            "GET /v1/campaigns/0123456789abcdef0123456789abcdef/report needs the 'admin' scope; this API key is valid but has the scopes events, campaigns.",
            problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Segment_write_key_as_basic_user_name_is_accepted()
    {
        await using var app = await IngestionApp.StartAsync();
        using var client = app.AnonymousClient();
        var writeKey = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{IngestionApp.AllScopesKey}:"));
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", writeKey);

        using var response = await client.PostAsync("/v1/track", Json(Track), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(app.Published<Contracts.UserActivityTracked>());
    }

    [Fact]
    public async Task X_api_key_header_is_accepted()
    {
        await using var app = await IngestionApp.StartAsync();
        using var client = app.AnonymousClient();
        client.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.ApiKeyHeader, IngestionApp.AllScopesKey);

        using var response = await client.PostAsync("/v1/track", Json(Track), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Created_key_works_is_stored_only_as_its_hash_and_stops_when_revoked()
    {
        await using var app = await IngestionApp.StartAsync();
        using var client = await ClientWithScopesAsync(app, ApiScopes.Events);
        var key = client.DefaultRequestHeaders.Authorization!.Parameter!;

        using (var accepted = await client.PostAsync("/v1/track", Json(Track), TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        }

        var stored = await app.Documents.ListAsync(ApiKeyRegistry.Collection, TestContext.Current.CancellationToken)
            .ToListAsync(TestContext.Current.CancellationToken);
        var (hash, document) = Assert.Single(stored);
        Assert.Equal(ApiKeys.Hash(key), hash);
        Assert.DoesNotContain(key, document, StringComparison.Ordinal);

        using (var revoked = await app.Client.DeleteAsync($"/v1/admin/api-keys/{ApiKeys.IdOf(hash)}", TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        }

        using var refused = await client.PostAsync("/v1/track", Json(Track), TestContext.Current.CancellationToken);
        await Problems.TitleAsync(refused, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Listing_keys_shows_no_secret_and_revoking_an_unknown_key_is_404()
    {
        await using var app = await IngestionApp.StartAsync();
        using var client = await ClientWithScopesAsync(app, ApiScopes.Catalog, ApiScopes.Campaigns);
        var key = client.DefaultRequestHeaders.Authorization!.Parameter!;

        var listing = await app.Client.GetStringAsync("/v1/admin/api-keys", TestContext.Current.CancellationToken);
        using var unknown = await app.Client.DeleteAsync("/v1/admin/api-keys/0000000000000000", TestContext.Current.CancellationToken);

        Assert.Contains(ApiKeys.IdOf(ApiKeys.Hash(key)), listing, StringComparison.Ordinal);
        Assert.Contains("\"campaigns\"", listing, StringComparison.Ordinal);
        Assert.DoesNotContain(key, listing, StringComparison.Ordinal);
        await Problems.TitleAsync(unknown, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Creating_a_key_with_an_unknown_scope_names_it()
    {
        await using var app = await IngestionApp.StartAsync();

        using var response = await app.PostRawAsync("/v1/admin/api-keys", """{"client":"crm","scopes":["events","root"]}""");

        var errors = await Problems.ValidationErrorsAsync(response);
        Assert.Contains("scopes[1]", errors.Keys);
    }

    [Theory]
    [InlineData("a\u0000b")]
    [InlineData("crm\nforged log line")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("   ")]
    public async Task Creating_a_key_for_a_client_name_that_is_not_plain_text_names_client(string client)
    {
        await using var app = await IngestionApp.StartAsync();

        using var response = await app.PostAsync("/v1/admin/api-keys", new { client, scopes = new[] { "events" } });

        Assert.Equal(["client"], (await Problems.ValidationErrorsAsync(response)).Keys);
        using var listing = await app.Client.GetAsync("/v1/admin/api-keys", TestContext.Current.CancellationToken);
        Assert.Equal(0, (await IngestionApp.ReadJsonAsync(listing)).GetArrayLength());
    }

    /// <summary>Creates a key through the admin API (with the fixture's all-scope key) and returns a client sending it.</summary>
    internal static async Task<HttpClient> ClientWithScopesAsync(IngestionApp app, params string[] scopes)
    {
        using var created = await app.PostAsync("/v1/admin/api-keys", new { client = "crm", scopes });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var key = (await IngestionApp.ReadJsonAsync(created)).GetProperty("key").GetString()!;
        Assert.StartsWith(ApiKeys.Prefix, key, StringComparison.Ordinal);
        var client = app.AnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
