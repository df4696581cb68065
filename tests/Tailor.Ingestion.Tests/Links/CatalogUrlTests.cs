using System.Net;
using Tailor.Contracts;

namespace Tailor.Ingestion.Tests.Links;

/// <summary>A catalog item's optional <c>url</c>: where its links in emails lead, so only a web page's absolute address.</summary>
public sealed class CatalogUrlTests
{
    [Theory]
    [InlineData("https://shop.example.com/products/85123A")]
    [InlineData("http://localhost:3000/p/85123A?ref=email#reviews")]
    public async Task Web_address_is_accepted_and_published_with_the_item(string url)
    {
        await using var app = await IngestionApp.StartAsync();

        using var response = await app.PostAsync("/v1/catalog", new { items = new[] { new { id = "85123A", title = "HEART T-LIGHT HOLDER", price = 2.55m, url } } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(url, Assert.Single(app.Published<CatalogItemUpserted>()).Url);
    }

    [Fact]
    public async Task Item_without_url_is_published_without_one()
    {
        await using var app = await IngestionApp.StartAsync();

        using var response = await app.PostAsync("/v1/catalog", new { items = new[] { new { id = "85123A", title = "HEART T-LIGHT HOLDER", price = 2.55m } } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(Assert.Single(app.Published<CatalogItemUpserted>()).Url);
    }

    [Theory]
    [InlineData("\"/products/85123A\"")]
    [InlineData("\"shop.example.com/products/85123A\"")]
    [InlineData("\"javascript:alert(document.cookie)\"")]
    [InlineData("\"JavaScript:alert(1)\"")]
    [InlineData("\"data:text/html,<script>alert(1)</script>\"")]
    [InlineData("\"ftp://shop.example.com/products/85123A\"")]
    [InlineData("\"file:///etc/passwd\"")]
    [InlineData("\"https://shop.example.com/a b\"")]
    [InlineData("\"https://shop.example.com/\\r\\nSet-Cookie: a=b\"")]
    [InlineData("\"\"")]
    [InlineData("42")]
    [InlineData("{\"href\":\"https://shop.example.com/\"}")]
    public async Task Anything_but_an_absolute_web_address_is_a_400_naming_the_field(string url)
    {
        await using var app = await IngestionApp.StartAsync();

        using var response = await app.PostRawAsync("/v1/catalog", $$"""{"items":[{"id":"85123A","title":"HEART T-LIGHT HOLDER","price":2.55,"url":{{url}}}]}""");

        var errors = await Problems.ValidationErrorsAsync(response);
        Assert.Equal(["items[0].url"], errors.Keys);
        Assert.Empty(app.Published<CatalogItemUpserted>());
    }

    [Fact]
    public async Task Address_longer_than_2048_characters_is_a_400()
    {
        await using var app = await IngestionApp.StartAsync();

        using var response = await app.PostAsync("/v1/catalog", new { items = new[] { new { id = "1", title = "T", price = 1m, url = "https://shop.example.com/" + new string('p', 2_048) } } });

        Assert.Equal(["items[0].url"], (await Problems.ValidationErrorsAsync(response)).Keys);
    }
}
