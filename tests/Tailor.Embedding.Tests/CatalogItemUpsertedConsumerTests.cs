using MassTransit;
using Tailor.Contracts;
using Tailor.Embedding.Model;
using Tailor.Embedding.Vectors;
using Tailor.Storage;

namespace Tailor.Embedding.Tests;

public sealed class CatalogItemUpsertedConsumerTests(ModelFixture model)
{
    [Fact]
    public async Task Consume_catalog_items_stores_and_publishes_384_dimension_vectors()
    {
        await using var host = await EmbeddingHarness.StartAsync(model.Embedder);
        var items = TestMessages.RetailLines
            .DistinctBy(line => line.StockCode)
            .Take(30)
            .Select(line => TestMessages.CatalogItem(line.StockCode, line.Description.Trim()))
            .ToList();

        await host.Harness.Bus.PublishBatch(items, TestContext.Current.CancellationToken);
        await host.WaitForConsumedAtLeastAsync<CatalogItemUpserted>(items.Count);

        var embedded = host.Published<ItemEmbedded>();
        Assert.Equal(items.Select(item => item.ItemId).Order(), embedded.Select(item => item.ItemId).Order());
        foreach (var item in embedded)
        {
            Assert.True(EmbeddingModels.MiniLm.Made(item.Model, item.ModelVersion));
            Assert.Equal(EmbeddingModels.MiniLm.Dimensions, item.Vector.Length);
            VectorAssert.UnitLength(item.Vector);
            var stored = await host.Documents.FindAsync<ItemVector>(
                EmbeddingNames.ItemsCollection, item.ItemId, TestContext.Current.CancellationToken);
            Assert.NotNull(stored);
            VectorAssert.Close(item.Vector, stored.Vector, 0f);
        }

        Assert.Equal(items.Count, await host.Events.CountAsync(EmbeddingNames.Stream, TestContext.Current.CancellationToken));
        Assert.False(await host.FaultPublishedAsync<CatalogItemUpserted>());
    }

    [Fact]
    public async Task Consume_embeds_title_and_description_together()
    {
        await using var host = await EmbeddingHarness.StartAsync(model.Embedder);
        var item = TestMessages.CatalogItem("85123A", "WHITE HANGING HEART T-LIGHT HOLDER", "Hangs in a window and holds a tea light.");

        await host.Harness.Bus.Publish(item, TestContext.Current.CancellationToken);
        await host.WaitForConsumedAtLeastAsync<CatalogItemUpserted>(1);

        var embedded = Assert.Single(host.Published<ItemEmbedded>());
        var expected = model.Embed("WHITE HANGING HEART T-LIGHT HOLDER. Hangs in a window and holds a tea light.");
        VectorAssert.Close(expected, embedded.Vector, 1e-4f);
        Assert.False(await host.FaultPublishedAsync<CatalogItemUpserted>());
    }

    [Fact]
    public async Task Consume_duplicate_event_has_one_effect()
    {
        await using var host = await EmbeddingHarness.StartAsync(model.Embedder);
        var item = TestMessages.CatalogItem("22752", "SET 7 BABUSHKA NESTING BOXES");

        await host.Harness.Bus.Publish(item, TestContext.Current.CancellationToken);
        await host.Harness.Bus.Publish(item, TestContext.Current.CancellationToken);
        await host.WaitForConsumedAtLeastAsync<CatalogItemUpserted>(2);

        Assert.Single(host.Published<ItemEmbedded>());
        Assert.Equal(1, await host.Events.CountAsync(EmbeddingNames.Stream, TestContext.Current.CancellationToken));
        Assert.False(await host.FaultPublishedAsync<CatalogItemUpserted>());
    }

    [Fact]
    public async Task Consume_older_change_of_an_item_keeps_the_newer_vector()
    {
        await using var host = await EmbeddingHarness.StartAsync(model.Embedder);
        var newer = TestMessages.CatalogItem("21730", "GLASS STAR FROSTED T-LIGHT HOLDER", occurredAt: TestMessages.Start.AddDays(2));
        var older = TestMessages.CatalogItem("21730", "RED WOOLLY HOTTIE WHITE HEART", occurredAt: TestMessages.Start);

        await host.Harness.Bus.Publish(newer, TestContext.Current.CancellationToken);
        await host.WaitForConsumedAtLeastAsync<CatalogItemUpserted>(1);
        await host.Harness.Bus.Publish(older, TestContext.Current.CancellationToken);
        await host.WaitForConsumedAtLeastAsync<CatalogItemUpserted>(2);

        var stored = await host.Documents.FindAsync<ItemVector>(
            EmbeddingNames.ItemsCollection, "21730", TestContext.Current.CancellationToken);
        Assert.NotNull(stored);
        VectorAssert.Close(model.Embed(newer.Title), stored.Vector, 1e-4f);
        Assert.Single(host.Published<ItemEmbedded>());
        Assert.False(await host.FaultPublishedAsync<CatalogItemUpserted>());
    }

    [Fact]
    public async Task Consume_item_without_title_faults_and_the_rest_of_the_batch_is_embedded()
    {
        await using var host = await EmbeddingHarness.StartAsync(model.Embedder);
        var good = TestMessages.CatalogItem("84029G", "KNITTED UNION FLAG HOT WATER BOTTLE");
        var bad = TestMessages.CatalogItem("84029E", " ");

        await host.Harness.Bus.PublishBatch([good, bad], TestContext.Current.CancellationToken);

        Assert.True(await host.FaultPublishedAsync<CatalogItemUpserted>());
        Assert.Equal("84029G", Assert.Single(host.Published<ItemEmbedded>()).ItemId);
        // Only the good one was recorded, so the bad one is processed once it is fixed and replayed.
        Assert.Equal(1, await host.Events.CountAsync(EmbeddingNames.Stream, TestContext.Current.CancellationToken));
    }
}
