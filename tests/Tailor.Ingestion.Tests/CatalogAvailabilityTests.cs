using System.Net;
using Tailor.Contracts;

namespace Tailor.Ingestion.Tests;

/// <summary>A catalog item's optional <c>available</c>: false withdraws it from lists and emails, true (or nothing) lists it.</summary>
public sealed class CatalogAvailabilityTests
{
    [Fact]
    public async Task An_item_withdrawn_and_relisted_is_published_each_time_and_one_without_the_field_is_available()
    {
        await using var app = await IngestionApp.StartAsync();

        using var listed = await app.PostRawAsync("/v1/catalog", """{"items":[{"id":"85123A","title":"HEART T-LIGHT HOLDER","price":2.55}]}""");
        using var withdrawn = await app.PostRawAsync("/v1/catalog", """{"items":[{"id":"85123A","title":"HEART T-LIGHT HOLDER","price":2.55,"available":false}]}""");
        using var relisted = await app.PostRawAsync("/v1/catalog", """{"items":[{"id":"85123A","title":"HEART T-LIGHT HOLDER","price":2.55,"available":true}]}""");
        using var nulled = await app.PostRawAsync("/v1/catalog", """{"items":[{"id":"22423","title":"REGENCY CAKESTAND 3 TIER","price":12.75,"available":null}]}""");

        Assert.All([listed, withdrawn, relisted, nulled], response => Assert.Equal(HttpStatusCode.OK, response.StatusCode));
        var published = app.Published<CatalogItemUpserted>();
        Assert.Equal(
            [("85123A", true), ("85123A", false), ("85123A", true), ("22423", true)],
            published.Select(upserted => (upserted.ItemId, upserted.Available)));
        Assert.False(await app.AnyFaultPublishedAsync());
    }

    [Theory]
    [InlineData("\"no\"")]
    [InlineData("\"false\"")]
    [InlineData("0")]
    [InlineData("[]")]
    public async Task Anything_but_true_or_false_is_a_400_naming_the_field_and_nothing_is_published(string available)
    {
        await using var app = await IngestionApp.StartAsync();

        using var response = await app.PostRawAsync(
            "/v1/catalog",
            $$"""{"items":[{"id":"22423","title":"REGENCY CAKESTAND 3 TIER","price":12.75},{"id":"85123A","title":"HEART T-LIGHT HOLDER","price":2.55,"available":{{available}}}]}""");

        var errors = await Problems.ValidationErrorsAsync(response);
        Assert.Equal(["items[1].available"], errors.Keys);
        Assert.Equal(["Must be true or false."], errors["items[1].available"]);
        Assert.Empty(app.Published<CatalogItemUpserted>());
    }
}
