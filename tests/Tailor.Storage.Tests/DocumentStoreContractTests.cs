using System.Text.Json.Nodes;

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

    [Fact]
    public async Task Insert_writes_only_when_the_id_is_free()
    {
        var store = CreateStore();

        Assert.True(await store.TryInsertAsync(Models, "current", "{\"v\":1}", Token));
        Assert.False(await store.TryInsertAsync(Models, "current", "{\"v\":2}", Token));

        Assert.Equal(new VersionedDocument("{\"v\":1}", 1), await store.GetVersionedAsync(Models, "current", Token));
    }

    [Fact]
    public async Task Every_write_gives_the_document_a_new_version()
    {
        var store = CreateStore();

        await store.UpsertAsync(Models, "current", "{\"v\":1}", Token);
        Assert.Equal(1, (await store.GetVersionedAsync(Models, "current", Token))!.Version);
        await store.UpsertAsync(Models, "current", "{\"v\":2}", Token);
        Assert.Equal(2, (await store.GetVersionedAsync(Models, "current", Token))!.Version);
        Assert.True(await store.TryReplaceAsync(Models, "current", "{\"v\":3}", expectedVersion: 2, Token));

        Assert.Equal(new VersionedDocument("{\"v\":3}", 3), await store.GetVersionedAsync(Models, "current", Token));
        Assert.Null(await store.GetVersionedAsync(Models, "missing", Token));
    }

    [Fact]
    public async Task Replace_refuses_a_stale_version_and_a_deleted_document()
    {
        var store = CreateStore();
        await store.UpsertAsync(Models, "current", "{\"v\":1}", Token);
        Assert.True(await store.TryReplaceAsync(Models, "current", "{\"v\":2}", expectedVersion: 1, Token));

        // A writer that read version 1 lost the race: its write is refused and the winner's stays.
        Assert.False(await store.TryReplaceAsync(Models, "current", "{\"v\":\"stale\"}", expectedVersion: 1, Token));
        Assert.Equal("{\"v\":2}", await store.GetAsync(Models, "current", Token));

        await store.DeleteAsync(Models, "current", Token);
        Assert.False(await store.TryReplaceAsync(Models, "current", "{\"v\":3}", expectedVersion: 2, Token));
        Assert.Null(await store.GetAsync(Models, "current", Token));
    }

    [Fact]
    public async Task Updates_racing_on_one_document_lose_no_increment()
    {
        var store = CreateStore();

        // 8 writers adding 25 each to one counter, as 8 consumers of one user's events would: 200 exactly.
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < 25; i++)
            {
                await store.UpdateAsync<Counter>(Models, "opens", counter => new Counter((counter?.Count ?? 0) + 1), Token);
            }
        }, Token)));

        Assert.Equal(new Versioned<Counter>(new Counter(200), 200), await store.FindVersionedAsync<Counter>(Models, "opens", Token));
    }

    [Fact]
    public async Task An_update_that_changes_nothing_writes_nothing()
    {
        var store = CreateStore();
        await store.PutAsync(Models, "opens", new Counter(3), Token);

        var kept = await store.UpdateAsync<Counter>(Models, "opens", counter => counter, Token);
        var absent = await store.UpdateAsync<Counter>(Models, "clicks", _ => null, Token);

        Assert.Equal(new Versioned<Counter>(new Counter(3), 1), kept);
        Assert.Equal(1, (await store.GetVersionedAsync(Models, "opens", Token))!.Version);
        Assert.Null(absent);
        Assert.Null(await store.GetAsync(Models, "clicks", Token));
    }

    [Fact]
    public async Task Get_many_versioned_returns_the_documents_there_with_their_versions()
    {
        var store = CreateStore();
        await store.UpsertAsync(Models, "a", "{\"v\":1}", Token);
        await store.UpsertAsync(Models, "b", "{\"v\":1}", Token);
        await store.UpsertAsync(Models, "b", "{\"v\":2}", Token);
        await store.UpsertAsync(Catalog, "c", "{\"v\":1}", Token);

        var found = await store.GetManyVersionedAsync(Models, ["a", "b", "c", "missing", "a"], Token);

        Assert.Equal(2, found.Count);
        Assert.Equal(new VersionedDocument("{\"v\":1}", 1), found["a"]);
        Assert.Equal(new VersionedDocument("{\"v\":2}", 2), found["b"]);
        Assert.Empty(await store.GetManyVersionedAsync(Models, [], Token));
    }

    [Fact]
    public async Task Try_write_many_makes_each_write_whose_condition_holds_and_refuses_the_others()
    {
        var store = CreateStore();
        await store.UpsertAsync(Models, "current", "{\"v\":1}", Token);
        await store.UpsertAsync(Models, "taken", "{\"v\":1}", Token);
        await store.UpsertAsync(Models, "stale", "{\"v\":1}", Token);
        await store.UpsertAsync(Models, "stale", "{\"v\":2}", Token);

        var written = await store.TryWriteManyAsync(
            Models,
            [
                new ConditionalWrite("current", "{\"v\":\"next\"}", ExpectedVersion: 1),
                new ConditionalWrite("taken", "{\"v\":\"lost\"}", ExpectedVersion: null),
                new ConditionalWrite("new", "{\"v\":\"first\"}", ExpectedVersion: null),
                new ConditionalWrite("stale", "{\"v\":\"lost\"}", ExpectedVersion: 1),
                new ConditionalWrite("deleted", "{\"v\":\"lost\"}", ExpectedVersion: 4),
            ],
            Token);

        Assert.Equal([true, false, true, false, false], written);
        Assert.Equal(new VersionedDocument("{\"v\":\"next\"}", 2), await store.GetVersionedAsync(Models, "current", Token));
        Assert.Equal(new VersionedDocument("{\"v\":1}", 1), await store.GetVersionedAsync(Models, "taken", Token));
        Assert.Equal(new VersionedDocument("{\"v\":\"first\"}", 1), await store.GetVersionedAsync(Models, "new", Token));
        Assert.Equal(new VersionedDocument("{\"v\":2}", 2), await store.GetVersionedAsync(Models, "stale", Token));
        Assert.Null(await store.GetVersionedAsync(Models, "deleted", Token));
    }

    [Fact]
    public async Task Try_add_many_stores_each_free_id_once_and_reports_which_it_stored()
    {
        var store = CreateStore();
        await store.UpsertAsync(Models, "taken", "{\"count\":1}", Token);

        var stored = await store.TryAddManyAsync(
            Models,
            [KeyValuePair.Create("taken", new Counter(2)), KeyValuePair.Create("free", new Counter(3)), KeyValuePair.Create("free", new Counter(4))],
            Token);

        // The id given twice is stored by its first write only, as two racing writers would leave it.
        Assert.Equal([false, true, false], stored);
        Assert.Equal(1, (await store.FindAsync<Counter>(Models, "taken", Token))!.Count);
        Assert.Equal(3, (await store.FindAsync<Counter>(Models, "free", Token))!.Count);
        Assert.Empty(await store.TryAddManyAsync<Counter>(Models, [], Token));
    }

    [Fact]
    public async Task Update_many_racing_on_the_same_documents_loses_no_increment()
    {
        var store = CreateStore();
        string[] counters = ["opens", "clicks", "views"];

        // 8 writers adding 25 batches of one to each of three counters, as 8 batch consumers of the same users' events
        // would (another replica's batch wins some writes, and the loser's retry must add on top of it): 200 each.
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < 25; i++)
            {
                await store.UpdateManyAsync<Counter>(Models, counters, (_, counter) => new Counter((counter?.Count ?? 0) + 1), cancellationToken: Token);
            }
        }, Token)));

        foreach (var counter in counters)
        {
            Assert.Equal(new Versioned<Counter>(new Counter(200), 200), await store.FindVersionedAsync<Counter>(Models, counter, Token));
        }
    }

    [Fact]
    public async Task Update_many_returns_each_document_as_stored_and_writes_only_what_changed()
    {
        var store = CreateStore();
        await store.PutAsync(Models, "kept", new Counter(3), Token);
        await store.PutAsync(Models, "raised", new Counter(5), Token);

        var told = new Dictionary<string, Versioned<Counter>?>();

        var results = await store.UpdateManyAsync<Counter>(
            Models,
            ["kept", "raised", "added", "absent", "raised"],
            (id, counter) => id switch
            {
                "kept" => counter,
                "absent" => null,
                _ => new Counter((counter?.Count ?? 0) + 1),
            },
            (id, result) => told.Add(id, result),
            Token);

        Assert.Equal(4, results.Count);
        Assert.Equal(results.OrderBy(result => result.Key), told.OrderBy(result => result.Key));
        Assert.Equal(new Versioned<Counter>(new Counter(3), 1), results["kept"]);
        Assert.Equal(new Versioned<Counter>(new Counter(6), 2), results["raised"]);
        Assert.Equal(new Versioned<Counter>(new Counter(1), 1), results["added"]);
        Assert.Null(results["absent"]);
        Assert.Equal(new Versioned<Counter>(new Counter(6), 2), await store.FindVersionedAsync<Counter>(Models, "raised", Token));
        Assert.Null(await store.GetAsync(Models, "absent", Token));
    }

    /// <summary>Distinct products of the retail sample, as Ingestion keeps its catalogue copy.</summary>
    private static List<CatalogItem> CatalogItems(int count) => RetailSample.Purchases(2000)
        .DistinctBy(purchase => purchase.ItemId)
        .Take(count)
        .Select(purchase => new CatalogItem(purchase.ItemId!, purchase.ItemName!, purchase.Price!.Value))
        .ToList();

    private sealed record CatalogItem(string ItemId, string Title, decimal Price);

    private sealed record Counter(int Count);
}
