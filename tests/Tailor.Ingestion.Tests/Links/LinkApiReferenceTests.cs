using System.Text.Json;

namespace Tailor.Ingestion.Tests.Links;

/// <summary>The link routes are in the OpenAPI document, without an API key, with their signature parameter.</summary>
public sealed class LinkApiReferenceTests
{
    [Theory]
    [InlineData("/c/{emailId}/{itemId}", "get")]
    [InlineData("/u/{emailId}", "get")]
    [InlineData("/u/{emailId}", "post")]
    [InlineData("/u/{emailId}/resubscribe", "post")]
    public async Task Route_is_documented_as_anonymous_with_its_signature(string path, string method)
    {
        await using var app = await IngestionApp.StartAsync();
        using var client = app.AnonymousClient();
        var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken)).RootElement;

        var operation = document.GetProperty("paths").GetProperty(path).GetProperty(method);

        Assert.False(operation.TryGetProperty("security", out _), $"{method} {path} needs no API key");
        Assert.Equal("Email links", operation.GetProperty("tags")[0].GetString());
        Assert.Contains(
            operation.GetProperty("parameters").EnumerateArray(),
            parameter => parameter.GetProperty("name").GetString() == "s" && parameter.GetProperty("in").GetString() == "query");
    }

    [Fact]
    public async Task One_click_post_documents_its_form_body()
    {
        await using var app = await IngestionApp.StartAsync();
        using var client = app.AnonymousClient();
        var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken)).RootElement;

        var post = document.GetProperty("paths").GetProperty("/u/{emailId}").GetProperty("post");

        var content = post.GetProperty("requestBody").GetProperty("content");
        Assert.True(content.TryGetProperty("application/x-www-form-urlencoded", out _));
        Assert.True(content.TryGetProperty("multipart/form-data", out _));
        Assert.True(post.GetProperty("responses").TryGetProperty("200", out _));
    }
}
