using System.Net;
using System.Text.Json;

namespace Tailor.Ingestion.Tests;

/// <summary>The OpenAPI document and the Scalar reference are served without a key and describe every endpoint's scope.</summary>
public sealed class ApiReferenceTests
{
    [Fact]
    public async Task Openapi_document_lists_the_endpoints_with_their_scope()
    {
        await using var app = await IngestionApp.StartAsync();
        using var client = app.AnonymousClient();

        var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken)).RootElement;

        var paths = document.GetProperty("paths");
        Assert.Equal("events", ScopeOf(paths, "/v1/track"));
        Assert.Equal("events", ScopeOf(paths, "/v1/batch"));
        Assert.Equal("catalog", ScopeOf(paths, "/v1/catalog"));
        Assert.Equal("campaigns", ScopeOf(paths, "/v1/campaigns"));
        Assert.Equal("admin", ScopeOf(paths, "/v1/admin/api-keys"));
        Assert.Equal("bearer", document.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKey").GetProperty("scheme").GetString());
        Assert.True(paths.GetProperty("/v1/track").GetProperty("post").GetProperty("responses").TryGetProperty("429", out _));
    }

    [Fact]
    public async Task Scalar_reference_is_served()
    {
        await using var app = await IngestionApp.StartAsync();
        using var client = app.AnonymousClient();

        using var response = await client.GetAsync("/scalar/", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    private static string? ScopeOf(JsonElement paths, string path) =>
        paths.GetProperty(path).GetProperty("post").GetProperty("security")[0].GetProperty("ApiKey")[0].GetString();
}
