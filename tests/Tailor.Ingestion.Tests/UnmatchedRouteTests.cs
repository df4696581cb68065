using System.Net;
using System.Text.Json;

namespace Tailor.Ingestion.Tests;

/// <summary>
/// A path under <c>/v1</c> or of a link that no endpoint takes is a 404 problem that says so, whoever asks; a method a
/// path does not take is a 405 problem naming those it does.
/// </summary>
public sealed class UnmatchedRouteTests
{
    [Theory]
    [InlineData("GET", "/v1/campaigns/0123456789abcdef0123456789abcdef")]
    [InlineData("POST", "/v1/trak")]
    [InlineData("GET", "/v1")]
    [InlineData("DELETE", "/V1/Nothing/Here")]
    public async Task A_path_no_endpoint_takes_is_a_404_problem_naming_it(string method, string path)
    {
        await using var app = await IngestionApp.StartAsync();

        using var response = await app.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path), TestContext.Current.CancellationToken);

        var detail = await Problems.DetailAsync(response, HttpStatusCode.NotFound);
        Assert.StartsWith($"No endpoint answers {method} {path};", detail, StringComparison.Ordinal);
        Assert.Contains("/openapi/v1.json", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_caller_without_a_key_is_told_the_same()
    {
        await using var app = await IngestionApp.StartAsync();

        using var response = await app.AnonymousClient().GetAsync("/v1/nothing", TestContext.Current.CancellationToken);

        Assert.StartsWith("No endpoint answers GET /v1/nothing;", await Problems.DetailAsync(response, HttpStatusCode.NotFound), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_404_about_the_thing_named_keeps_its_own_detail()
    {
        await using var app = await IngestionApp.StartAsync();

        using var response = await app.Client.GetAsync("/v1/campaigns/0123456789abcdef0123456789abcdef/report", TestContext.Current.CancellationToken);

        Assert.StartsWith("No campaign '", await Problems.DetailAsync(response, HttpStatusCode.NotFound), StringComparison.Ordinal);
    }

    // Found by EveryOperationHostileInputTests: routing's 404 on a link and its 405 anywhere had a title and no detail.
    [Theory]
    [InlineData("GET", "/c//85123A")]
    [InlineData("POST", "/u//resubscribe")]
    [InlineData("GET", "/u")]
    public async Task A_link_cut_short_is_a_404_problem_saying_what_a_link_looks_like(string method, string path)
    {
        await using var app = await IngestionApp.StartAsync();

        using var response = await app.AnonymousClient().SendAsync(new HttpRequestMessage(new HttpMethod(method), path), TestContext.Current.CancellationToken);

        var detail = await Problems.DetailAsync(response, HttpStatusCode.NotFound);
        Assert.StartsWith($"No link answers {method} {path};", detail, StringComparison.Ordinal);
        Assert.Contains("/u/{emailId}?s=", detail, StringComparison.Ordinal);
    }

    // HttpClient resolves the dots itself; a raw socket sends them as written, and the server routes "/".
    [Fact]
    public async Task A_link_with_dots_for_its_id_is_named_as_sent()
    {
        await using var app = await IngestionApp.StartAsync(kestrel: true);

        var response = await RawHttp.SendAsync(app, "GET /u/%2E%2E HTTP/1.1\r\nHost: tailor\r\nConnection: close\r\n\r\n");

        Assert.Equal((404, Problems.ContentType), (response.Status, response.ContentType));
        Assert.StartsWith("No link answers GET /u/%2E%2E;", JsonDocument.Parse(response.Body).RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("DELETE", "/v1/admin/api-keys", "GET, POST")]
    [InlineData("GET", "/v1/track", "POST")]
    [InlineData("PUT", "/u/0b4c8f3e-5d1a-4c7e-9f2b-6a8d3e1c7b90", "GET, HEAD, POST")]
    public async Task A_method_the_path_does_not_take_is_a_405_problem_naming_those_it_does(string method, string path, string allowed)
    {
        await using var app = await IngestionApp.StartAsync();

        using var response = await app.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path), TestContext.Current.CancellationToken);

        var detail = await Problems.DetailAsync(response, HttpStatusCode.MethodNotAllowed);
        Assert.Equal($"{method} is not allowed on {path}; it takes {allowed}.", detail);
    }

    [Fact]
    public async Task A_path_outside_the_api_keeps_the_plain_problem()
    {
        await using var app = await IngestionApp.StartAsync();

        using var response = await app.Client.GetAsync("/nothing", TestContext.Current.CancellationToken);

        Assert.Equal((HttpStatusCode.NotFound, Problems.ContentType), (response.StatusCode, response.Content.Headers.ContentType?.MediaType));
        var problem = await IngestionApp.ReadJsonAsync(response);
        Assert.Equal("Not Found", problem.GetProperty("title").GetString());
        Assert.False(problem.TryGetProperty("detail", out _));
    }
}
