using System.Net;

namespace Tailor.Ingestion.Tests;

/// <summary>A path under <c>/v1</c> that no endpoint takes is a 404 problem that says so, whoever asks.</summary>
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
