using Microsoft.Extensions.DependencyInjection;
using Tailor.Contracts;
using Tailor.Embedding.Model;
using Tailor.Embedding.Vectors;
using Tailor.Testing;

namespace Tailor.Embedding.Tests;

public sealed class EmailEngagedConsumerTests(ModelFixture model)
{
    private const string ItemId = "22423";
    private const string ItemTitle = "REGENCY CAKESTAND 3 TIER";

    [Fact]
    public async Task Consume_click_on_an_item_counts_like_a_view()
    {
        await using var host = await EmbeddingHarness.StartAsync(model.Embedder);
        var itemVector = await StoreItemAsync(host);

        await host.Harness.Bus.Publish(TestMessages.Click("17850", ItemId), TestContext.Current.CancellationToken);
        await host.WaitForConsumedAtLeastAsync<EmailEngaged>(1);

        var update = Assert.Single(host.Published<UserInterestsUpdated>());
        Assert.Equal("17850", update.UserId);
        Assert.Equal(1, update.EvidenceCount);
        VectorAssert.Close(itemVector, update.Vector, 1e-5f);
        var profile = await host.Profiles.ReadAsync("17850", TestContext.Current.CancellationToken);
        Assert.Equal(1, profile?.Interests?.EvidenceCount);
        Assert.False(await host.FaultPublishedAsync<EmailEngaged>());
    }

    [Fact]
    public async Task Consume_machine_click_is_recorded_and_teaches_nothing()
    {
        await using var host = await EmbeddingHarness.StartAsync(model.Embedder);
        await StoreItemAsync(host);

        await host.Harness.Bus.Publish(TestMessages.Click("17850", ItemId, isMachine: true), TestContext.Current.CancellationToken);
        await host.WaitForConsumedAtLeastAsync<EmailEngaged>(1);

        Assert.Empty(host.Published<UserInterestsUpdated>());
        Assert.Null(await host.Profiles.ReadAsync("17850", TestContext.Current.CancellationToken));
        Assert.Equal(1, await host.Events.CountAsync(EmbeddingNames.Stream, TestContext.Current.CancellationToken));
        Assert.False(await host.FaultPublishedAsync<EmailEngaged>());
    }

    [Fact]
    public async Task Consume_duplicate_event_has_one_effect()
    {
        await using var host = await EmbeddingHarness.StartAsync(model.Embedder);
        await StoreItemAsync(host);
        var click = TestMessages.Click("17850", ItemId);

        await host.Harness.Bus.Publish(click, TestContext.Current.CancellationToken);
        await host.Harness.Bus.Publish(click, TestContext.Current.CancellationToken);
        await host.WaitForConsumedAtLeastAsync<EmailEngaged>(2);

        // Copies handled at once may both publish the update, under one id (downstream takes it once), and the click
        // is folded into the interests once.
        var update = Assert.Single(host.Published<UserInterestsUpdated>().DistinctBy(published => published.EventId));
        Assert.Equal(1, update.EvidenceCount);
        Assert.Equal(1, await host.Events.CountAsync(EmbeddingNames.Stream, TestContext.Current.CancellationToken));
        Assert.False(await host.FaultPublishedAsync<EmailEngaged>());
    }

    private async Task<float[]> StoreItemAsync(ConsumerHarness host)
    {
        var vector = model.Embed(ItemTitle);
        await host.Services.GetRequiredService<ItemVectorStore>().SaveUnlessStaleAsync(
            new ItemVector(ItemId, EmbeddingModels.MiniLm.Name, EmbeddingModels.MiniLm.Version, vector, TestMessages.Start), TestContext.Current.CancellationToken);
        return vector;
    }
}
