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
        Assert.Equal("events", ScopeOf(paths, "/v1/group"));
        Assert.Equal("events", ScopeOf(paths, "/v1/screen"));
        Assert.Equal("catalog", ScopeOf(paths, "/v1/catalog"));
        Assert.Equal("campaigns", ScopeOf(paths, "/v1/campaigns"));
        Assert.Equal("admin", ScopeOf(paths, "/v1/admin/api-keys"));
        Assert.Equal("bearer", document.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKey").GetProperty("scheme").GetString());
        Assert.True(paths.GetProperty("/v1/track").GetProperty("post").GetProperty("responses").TryGetProperty("429", out _));
    }

    [Fact]
    public async Task Every_operation_has_a_summary_and_each_keyed_one_documents_401_403_and_429()
    {
        var document = await DocumentAsync();

        var operations = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(operation => (Name: $"{operation.Name} {path.Name}", Operation: operation.Value)))
            .ToList();

        Assert.Contains(operations, operation => operation.Name == "delete /v1/users/{userId}");
        Assert.All(operations, operation =>
        {
            Assert.False(string.IsNullOrWhiteSpace(operation.Operation.GetProperty("summary").GetString()), operation.Name);
            if (operation.Operation.TryGetProperty("security", out _))
            {
                var responses = operation.Operation.GetProperty("responses");
                Assert.All(["401", "403", "429"], status => Assert.True(responses.TryGetProperty(status, out _), $"{operation.Name} {status}"));
            }
        });
    }

    [Theory]
    [InlineData("/v1/track", "event")]
    [InlineData("/v1/identify", "userId")]
    [InlineData("/v1/page", null)]
    [InlineData("/v1/screen", null)]
    [InlineData("/v1/group", "groupId")]
    [InlineData("/v1/alias", "previousId")]
    [InlineData("/v1/batch", "batch")]
    [InlineData("/v1/catalog", "items")]
    [InlineData("/v1/campaigns", "sendWindow")]
    public async Task Post_body_is_described_with_its_required_fields_and_400(string path, string? requiredField)
    {
        var document = await DocumentAsync();

        var post = document.GetProperty("paths").GetProperty(path).GetProperty("post");
        var body = Resolve(document, post.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema"));

        Assert.True(body.GetProperty("properties").EnumerateObject().Any(), path);
        if (requiredField is not null)
        {
            Assert.Contains(requiredField, body.GetProperty("required").EnumerateArray().Select(field => field.GetString()));
        }

        Assert.True(post.GetProperty("responses").TryGetProperty("400", out _), path);
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

    private static async Task<JsonElement> DocumentAsync()
    {
        await using var app = await IngestionApp.StartAsync();
        using var client = app.AnonymousClient();
        return JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken)).RootElement;
    }

    // Named schemas are referenced as "#/components/schemas/<name>".
    private static JsonElement Resolve(JsonElement document, JsonElement schema) =>
        schema.TryGetProperty("$ref", out var reference)
            ? document.GetProperty("components").GetProperty("schemas").GetProperty(reference.GetString()!.Split('/')[^1])
            : schema;

    private static string? ScopeOf(JsonElement paths, string path) =>
        paths.GetProperty(path).GetProperty("post").GetProperty("security")[0].GetProperty("ApiKey")[0].GetString();
}
