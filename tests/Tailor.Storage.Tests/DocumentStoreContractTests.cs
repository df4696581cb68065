using System.Text.Json.Nodes;
using Tailor.Contracts;

namespace Tailor.Storage.Tests;

/// <summary>What every <see cref="IDocumentStore"/> must do; each adapter runs these against a store of its own.</summary>
public abstract class DocumentStoreContractTests
{
    private const string Catalog = "ingestion.catalog";
    private const string Models = "recommendation.model";

    protected static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>A new, empty store (skips the test when the adapter's server is not there).</summary>
    protected abstract IDocumentStore CreateStore();

    [Fact]
    public async Task Get_of_a_missing_document_returns_null()
    {
        var store = CreateStore();

        Assert.Null(await store.GetAsync(Catalog, "85123A", Token));
    }

    [Fact]
    public async Task Upsert_many_writes_every_document_and_the_last_of_a_repeated_id_wins()
    {
        var store = CreateStore();

        await store.UpsertManyAsync(Catalog, [new("a", "{\"v\":1}"), new("b", "{\"v\":2}"), new("a", "{\"v\":3}")], Token);

        Assert.Equal(3, JsonNode.Parse((await store.GetAsync(Catalog, "a", Token))!)!["v"]!.GetValue<int>());
        Assert.Equal(2, JsonNode.Parse((await store.GetAsync(Catalog, "b", Token))!)!["v"]!.GetValue<int>());
    }

    [Fact]
    public async Task Put_then_find_returns_the_document()
    {
        var store = CreateStore();
        var item = CatalogItems(1)[0];

        await store.PutAsync(Catalog, item.ItemId, item, Token);

        var found = await store.FindAsync<CatalogItem>(Catalog, item.ItemId, Token);
        Assert.Equal(item, found);
    }

    [Fact]
    public async Task Upsert_overwrites_the_previous_document()
    {
        var store = CreateStore();
        var item = CatalogItems(1)[0];
        await store.PutAsync(Catalog, item.ItemId, item, Token);

        await store.PutAsync(Catalog, item.ItemId, item with { Price = 9.99m }, Token);

        Assert.Equal(9.99m, (await store.FindAsync<CatalogItem>(Catalog, item.ItemId, Token))!.Price);
        Assert.Single(await store.ListAsync(Catalog, Token).ToListAsync(Token));
    }

    [Fact]
    public async Task Upsert_keeps_json_that_is_not_an_object()
    {
        var store = CreateStore();
        const string Vector = "[0.125,-1.5,3,1E-07]";

        await store.UpsertAsync(Models, "vector", Vector, Token);
        await store.UpsertAsync(Models, "version", "\"als-7\"", Token);
        await store.UpsertAsync(Models, "trained", "true", Token);

        var vector = await store.FindAsync<float[]>(Models, "vector", Token);
        Assert.Equal([0.125f, -1.5f, 3f, 1e-7f], vector!);
        Assert.Equal("als-7", await store.FindAsync<string>(Models, "version", Token));
        Assert.True(await store.FindAsync<bool>(Models, "trained", Token));
    }

    [Fact]
    public async Task Get_returns_the_same_json_value_that_was_stored()
    {
        var store = CreateStore();
        const string Json = """{"version":"als-7","factors":[[0.5,-0.25],[1,2]],"metrics":{"ndcg":0.31,"users":948},"note":"café \"ok\""}""";

        await store.UpsertAsync(Models, "current", Json, Token);

        var read = await store.GetAsync(Models, "current", Token);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(Json), JsonNode.Parse(read!)), read);
    }

    [Fact]
    public async Task List_returns_only_that_collection_in_id_order()
    {
        var store = CreateStore();
        var items = CatalogItems(40);
        foreach (var item in items)
        {
            await store.PutAsync(Catalog, item.ItemId, item, Token);
        }

        await store.UpsertAsync(Models, "current", "{}", Token);

        var listed = await store.ListAsync<CatalogItem>(Catalog, Token).ToListAsync(Token);

        Assert.Equal(items.Select(item => item.ItemId).Order(StringComparer.Ordinal), listed.Select(pair => pair.Key));
        Assert.All(listed, pair => Assert.Equal(pair.Key, pair.Value.ItemId));
    }

    [Fact]
    public async Task Delete_removes_the_document_once()
    {
        var store = CreateStore();
        var items = CatalogItems(2);
        foreach (var item in items)
        {
            await store.PutAsync(Catalog, item.ItemId, item, Token);
        }

        Assert.True(await store.DeleteAsync(Catalog, items[0].ItemId, Token));
        Assert.False(await store.DeleteAsync(Catalog, items[0].ItemId, Token));

        Assert.Null(await store.GetAsync(Catalog, items[0].ItemId, Token));
        Assert.NotNull(await store.GetAsync(Catalog, items[1].ItemId, Token));
    }

    [Fact]
    public async Task Upsert_from_many_concurrent_tasks_loses_nothing()
    {
        var store = CreateStore();
        var items = CatalogItems(400);

        // 400 writers at once, each overwriting its own document: every document exists and holds its last write.
        await Task.WhenAll(items.Select(item => Task.Run(async () =>
        {
            await store.PutAsync(Catalog, item.ItemId, item, Token);
            await store.PutAsync(Catalog, item.ItemId, item with { Price = item.Price + 1 }, Token);
        }, Token)));

        var listed = (await store.ListAsync<CatalogItem>(Catalog, Token).ToListAsync(Token)).ToDictionary();
        Assert.Equal(items.Count, listed.Count);
        Assert.All(items, item => Assert.Equal(item.Price + 1, listed[item.ItemId].Price));
    }

    /// <summary>Distinct products of the retail sample, as Ingestion keeps its catalogue copy.</summary>
    private static List<CatalogItem> CatalogItems(int count) => RetailSample.Purchases(2000)
        .DistinctBy(purchase => purchase.ItemId)
        .Take(count)
        .Select(purchase => new CatalogItem(purchase.ItemId!, purchase.ItemName!, purchase.Price!.Value))
        .ToList();

    private sealed record CatalogItem(string ItemId, string Title, decimal Price);
}
