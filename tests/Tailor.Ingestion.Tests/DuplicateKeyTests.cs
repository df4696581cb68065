using System.Net;

namespace Tailor.Ingestion.Tests;

/// <summary>
/// A key twice in one object is a 400 naming it by its JSON path, at any depth: readers disagree on which value counts,
/// so a proxy that reads the first would see another call than Tailor, which would read the last.
/// </summary>
public sealed class DuplicateKeyTests
{
    [Theory]
    [InlineData("/v1/track", """{"userId":"a","userId":"b","event":"Cart Viewed"}""", "userId")]
    [InlineData("/v1/track", """{"userId":"a","event":"Cart Viewed","event":"Order Completed"}""", "event")]
    [InlineData("/v1/identify", """{"userId":"a","traits":{"email":"a@example.com","email":"b@example.com"}}""", "traits.email")]
    [InlineData("/v1/batch", """{"batch":[{"type":"track","userId":"a","event":"x"},{"type":"track","type":"identify","userId":"a","event":"x"}]}""", "batch[1].type")]
    [InlineData("/v1/track", """{"userId":"a","event":"Order Completed","properties":{"products":[{"product_id":"1","price":1,"price":100}]}}""", "properties.products[0].price")]
    [InlineData("/v1/track", """{"userId":"a","\u0075serId":"b","event":"Cart Viewed"}""", "userId")]
    [InlineData("/v1/track", """{"userId":"a","event":"x","context":{"traits":{"a":{"b":{"c":1,"c":2}}}}}""", "context.traits.a.b.c")]
    [InlineData("/v1/catalog", """{"items":[{"id":"1","title":"JAM","price":1,"id":"2"}]}""", "items[0].id")]
    [InlineData("/v1/admin/api-keys", """{"client":"x","scopes":["events"],"scopes":["admin"]}""", "scopes")]
    public async Task Duplicate_key_is_a_400_naming_it_and_nothing_is_kept(string path, string body, string key)
    {
        await using var app = await IngestionApp.StartAsync();

        using var response = await app.PostRawAsync(path, body);

        var errors = await Problems.ValidationErrorsAsync(response);
        Assert.Equal([key], errors.Keys);
        Assert.Contains("more than once", Assert.Single(errors[key]), StringComparison.Ordinal);
        Assert.Equal(0, await app.Events.CountAsync("ingestion", TestContext.Current.CancellationToken));
        Assert.Empty(app.Harness.Published.Select(_ => true, TestContext.Current.CancellationToken));
    }

    // Names that differ only in case are two keys of the JSON, but one field to every service: FieldNameTests.
    [Fact]
    public async Task The_same_name_in_different_objects_is_not_a_duplicate()
    {
        await using var app = await IngestionApp.StartAsync();

        using var response = await app.PostRawAsync(
            "/v1/identify", """{"userId":"a","traits":{"email":"a@example.com"},"context":{"traits":{"email":"b@example.com"}}}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
