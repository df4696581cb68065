using System.Net;
using Tailor.Contracts;

namespace Tailor.Ingestion.Tests;

public sealed class CatalogEndpointTests
{
    [Fact]
    public async Task Catalog_publishes_one_upsert_per_item_with_its_fields()
    {
        await using var app = await IngestionApp.StartAsync();
        var products = RetailSample.Purchases(maxLines: 200)
            .GroupBy(line => line.StockCode)
            .Select(group => group.First())
            .ToList();
        var items = products.Select((line, index) => new
        {
            id = line.StockCode,
            title = line.Description,
            price = line.UnitPrice,
            description = index == 0 ? "A heart-shaped holder for one tea light." : null,
            category = index == 0 ? "home" : null,
        });

        using var response = await app.PostAsync("/v1/catalog", new { items });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(products.Count, (await IngestionApp.ReadJsonAsync(response)).GetProperty("accepted").GetInt32());
        var upserted = app.Published<CatalogItemUpserted>();
        Assert.Equal(products.Select(line => line.StockCode), upserted.Select(item => item.ItemId));
        Assert.Equal(products.Select(line => line.Description), upserted.Select(item => item.Title));
        Assert.Equal(products.Select(line => line.UnitPrice), upserted.Select(item => item.Price));
        Assert.Equal("A heart-shaped holder for one tea light.", upserted[0].Description);
        Assert.Equal("home", upserted[0].Category);
        Assert.Null(upserted[1].Category);
        Assert.All(upserted, item => Assert.Equal(IngestionApp.Now, item.OccurredAt));
        Assert.Equal(products.Count, (await app.RecordedAsync<CatalogItemUpserted>()).Count);
        Assert.False(await app.AnyFaultPublishedAsync());
    }

    [Fact]
    public async Task Catalog_retried_is_published_once_and_a_changed_item_again()
    {
        await using var app = await IngestionApp.StartAsync();
        var item = new { id = "22960", title = "JAM MAKING SET WITH JARS", price = 4.25m };

        using var first = await app.PostAsync("/v1/catalog", new { items = new[] { item } });
        using var retry = await app.PostAsync("/v1/catalog", new { items = new[] { item } });
        using var repriced = await app.PostAsync("/v1/catalog", new { items = new[] { item with { price = 3.75m } } });

        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal([4.25m, 3.75m], app.Published<CatalogItemUpserted>().Select(upserted => upserted.Price));
    }

    [Fact]
    public async Task Catalog_changed_back_to_an_earlier_version_is_published_again_and_its_retry_is_not()
    {
        await using var app = await IngestionApp.StartAsync();
        var original = new { id = "22960", title = "JAM MAKING SET WITH JARS", price = 4.25m };
        var sale = original with { price = 3.75m };

        using var first = await app.PostAsync("/v1/catalog", new { items = new[] { original } });
        using var discounted = await app.PostAsync("/v1/catalog", new { items = new[] { sale } });
        using var restored = await app.PostAsync("/v1/catalog", new { items = new[] { original } });
        using var restoredRetry = await app.PostAsync("/v1/catalog", new { items = new[] { original } });

        Assert.Equal(HttpStatusCode.OK, restoredRetry.StatusCode);
        var published = app.Published<CatalogItemUpserted>();
        Assert.Equal([4.25m, 3.75m, 4.25m], published.Select(upserted => upserted.Price));
        Assert.Equal(3, published.Select(upserted => upserted.EventId).Distinct().Count());
        Assert.False(await app.AnyFaultPublishedAsync());
    }

    [Fact]
    public async Task Catalog_item_changed_within_one_request_publishes_each_version()
    {
        await using var app = await IngestionApp.StartAsync();
        var original = new { id = "22960", title = "JAM MAKING SET WITH JARS", price = 4.25m };

        using var response = await app.PostAsync("/v1/catalog", new { items = new[] { original, original with { price = 3.75m }, original } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([4.25m, 3.75m, 4.25m], app.Published<CatalogItemUpserted>().Select(upserted => upserted.Price));
    }

    [Theory]
    [InlineData(".", "'.' or '..'")]
    [InlineData("..", "'.' or '..'")]
    [InlineData("GIFT\\u000020", "control characters")]
    [InlineData("   ", "empty")]
    public async Task Catalog_item_id_no_link_can_name_is_refused_and_nothing_is_published(string id, string message)
    {
        await using var app = await IngestionApp.StartAsync();

        using var response = await app.PostRawAsync("/v1/catalog", $$"""
            {"items":[{"id":"22960","title":"JAM MAKING SET WITH JARS","price":4.25},{"id":"{{id}}","title":"DOT","price":1}]}
            """);

        var errors = await Problems.ValidationErrorsAsync(response);
        Assert.Equal(["items[1].id"], errors.Keys);
        Assert.Contains(message, Assert.Single(errors["items[1].id"]), StringComparison.Ordinal);
        Assert.Empty(app.Published<CatalogItemUpserted>());
    }
}
