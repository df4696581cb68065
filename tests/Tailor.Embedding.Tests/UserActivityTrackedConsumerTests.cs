using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Tailor.Contracts;
using Tailor.Embedding.Interests;
using Tailor.Embedding.Model;
using Tailor.Embedding.Vectors;
using Tailor.Storage;

namespace Tailor.Embedding.Tests;

public sealed class UserActivityTrackedConsumerTests(ModelFixture model)
{
    private static readonly string[] Customers = ["17850", "13047", "12583"];

    [Fact]
    public async Task Consume_purchases_writes_each_users_interests_to_the_profile_once_per_batch()
    {
        await using var host = await EmbeddingHarness.StartAsync(model.Embedder);
        var purchases = TestMessages.RetailLines
            .Where(line => Customers.Contains(line.CustomerId) && line.Quantity > 0)
            .Take(100)
            .Select(TestMessages.Purchase)
            .ToList();

        await host.Harness.Bus.PublishBatch(purchases, TestContext.Current.CancellationToken);
        await host.WaitForConsumedAtLeastAsync<UserActivityTracked>(purchases.Count);

        var updates = host.Published<UserInterestsUpdated>();
        Assert.Equal(Customers.Order(), updates.Select(update => update.UserId).Order());
        foreach (var update in updates)
        {
            Assert.Equal(purchases.Count(purchase => purchase.UserId == update.UserId), update.EvidenceCount);
            Assert.True(EmbeddingModels.MiniLm.Made(update.Model, update.ModelVersion));
            Assert.Equal(EmbeddingModels.MiniLm.Dimensions, update.Vector.Length);
            VectorAssert.UnitLength(update.Vector);

            var profile = await host.Profiles.ReadAsync(update.UserId, TestContext.Current.CancellationToken);
            Assert.NotNull(profile?.Interests);
            Assert.Equal(update.EvidenceCount, profile.Interests.EvidenceCount);
            VectorAssert.Close(update.Vector, profile.Interests.Vector, 0f);
        }

        Assert.Equal(purchases.Count, await host.Events.CountAsync(EmbeddingNames.Stream, TestContext.Current.CancellationToken));
        Assert.False(await host.FaultPublishedAsync<UserActivityTracked>());
    }

    [Fact]
    public async Task Consume_interest_vector_is_closer_to_what_the_user_bought_than_to_other_products()
    {
        await using var host = await EmbeddingHarness.StartAsync(model.Embedder);
        UserActivityTracked[] purchases =
        [
            TestMessages.Activity("u-1", ActivityKinds.Purchase, "85123A", "WHITE HANGING HEART T-LIGHT HOLDER"),
            TestMessages.Activity("u-1", ActivityKinds.View, "21730", "GLASS STAR FROSTED T-LIGHT HOLDER"),
            TestMessages.Activity("u-1", ActivityKinds.Text, text: "I love candle holders for tea lights"),
        ];

        await host.Harness.Bus.PublishBatch(purchases, TestContext.Current.CancellationToken);
        await host.WaitForConsumedAtLeastAsync<UserActivityTracked>(purchases.Length);

        var interests = Assert.Single(host.Published<UserInterestsUpdated>()).Vector;
        var related = VectorAssert.Cosine(interests, model.Embed("tea light holder"));
        var unrelated = VectorAssert.Cosine(interests, model.Embed("KNITTED UNION FLAG HOT WATER BOTTLE"));
        Assert.True(related > unrelated + 0.2f, $"related {related}, unrelated {unrelated}");
        Assert.False(await host.FaultPublishedAsync<UserActivityTracked>());
    }

    [Fact]
    public async Task Consume_purchase_of_an_embedded_item_uses_its_stored_vector()
    {
        await using var host = await EmbeddingHarness.StartAsync(model.Embedder);
        var item = TestMessages.CatalogItem("85123A", "WHITE HANGING HEART T-LIGHT HOLDER", "Hangs in a window and holds a tea light.");
        await host.Harness.Bus.Publish(item, TestContext.Current.CancellationToken);
        await host.WaitForConsumedAtLeastAsync<CatalogItemUpserted>(1);
        var stored = await host.Services.GetRequiredService<ItemVectorStore>().FindAsync("85123A", TestContext.Current.CancellationToken);
        Assert.NotNull(stored);

        await host.Harness.Bus.Publish(
            TestMessages.Activity("17850", ActivityKinds.Purchase, "85123A", "WHITE HANGING HEART T-LIGHT HOLDER"),
            TestContext.Current.CancellationToken);
        await host.WaitForConsumedAtLeastAsync<UserActivityTracked>(1);

        var profile = await host.Profiles.ReadAsync("17850", TestContext.Current.CancellationToken);
        Assert.NotNull(profile?.Interests);
        VectorAssert.Close(stored.Vector, profile.Interests.Vector, 1e-5f);
        Assert.True(VectorAssert.Cosine(model.Embed("WHITE HANGING HEART T-LIGHT HOLDER"), profile.Interests.Vector) < 0.999f);
        Assert.False(await host.FaultPublishedAsync<UserActivityTracked>());
    }

    [Fact]
    public async Task Consume_duplicate_event_has_one_effect()
    {
        await using var host = await EmbeddingHarness.StartAsync(model.Embedder);
        var purchase = TestMessages.Purchase(TestMessages.RetailLines[0]);

        await host.Harness.Bus.Publish(purchase, TestContext.Current.CancellationToken);
        await host.WaitForConsumedAtLeastAsync<UserActivityTracked>(1);
        await host.Harness.Bus.Publish(purchase, TestContext.Current.CancellationToken);
        await host.WaitForConsumedAtLeastAsync<UserActivityTracked>(2);

        Assert.Equal(1, Assert.Single(host.Published<UserInterestsUpdated>()).EvidenceCount);
        var state = await host.Documents.FindAsync<UserInterestState>(
            EmbeddingNames.UsersCollection, purchase.UserId, TestContext.Current.CancellationToken);
        Assert.Equal(1, state?.EvidenceCount);
        Assert.Equal(1, await host.Events.CountAsync(EmbeddingNames.Stream, TestContext.Current.CancellationToken));
        Assert.False(await host.FaultPublishedAsync<UserActivityTracked>());
    }

    [Fact]
    public async Task Consume_return_and_other_activities_are_recorded_without_changing_interests()
    {
        await using var host = await EmbeddingHarness.StartAsync(model.Embedder);
        var cancellation = TestMessages.RetailLines.First(line => line.Quantity < 0 && line.CustomerId is not null);
        UserActivityTracked[] activities = [TestMessages.Purchase(cancellation), TestMessages.Activity("17850", "Signed Up")];

        await host.Harness.Bus.PublishBatch(activities, TestContext.Current.CancellationToken);
        await host.WaitForConsumedAtLeastAsync<UserActivityTracked>(2);

        Assert.Empty(host.Published<UserInterestsUpdated>());
        Assert.Null(await host.Profiles.ReadAsync(cancellation.CustomerId!, TestContext.Current.CancellationToken));
        Assert.Equal(2, await host.Events.CountAsync(EmbeddingNames.Stream, TestContext.Current.CancellationToken));
        Assert.False(await host.FaultPublishedAsync<UserActivityTracked>());
    }

    [Fact]
    public async Task Consume_purchase_of_an_unnamed_item_not_embedded_yet_is_recorded_without_evidence()
    {
        await using var host = await EmbeddingHarness.StartAsync(model.Embedder);
        UserActivityTracked[] activities =
        [
            TestMessages.Activity("17850", ActivityKinds.Purchase, itemId: "85123A"),
            TestMessages.Activity("17850", ActivityKinds.Text, text: "I love candle holders for tea lights"),
        ];

        await host.Harness.Bus.PublishBatch(activities, TestContext.Current.CancellationToken);
        await host.WaitForConsumedAtLeastAsync<UserActivityTracked>(activities.Length);

        // Only the text taught something; the early purchase is no fault, just no evidence yet.
        Assert.Equal(1, Assert.Single(host.Published<UserInterestsUpdated>()).EvidenceCount);
        Assert.Equal(2, await host.Events.CountAsync(EmbeddingNames.Stream, TestContext.Current.CancellationToken));
        Assert.False(await host.FaultPublishedAsync<UserActivityTracked>());
    }

    [Fact]
    public async Task Consume_text_activity_without_text_faults()
    {
        await using var host = await EmbeddingHarness.StartAsync(model.Embedder);

        await host.Harness.Bus.Publish(TestMessages.Activity("17850", ActivityKinds.Text, text: ""), TestContext.Current.CancellationToken);

        Assert.True(await host.FaultPublishedAsync<UserActivityTracked>());
        Assert.Empty(host.Published<UserInterestsUpdated>());
        Assert.Equal(0, await host.Events.CountAsync(EmbeddingNames.Stream, TestContext.Current.CancellationToken));
    }
}
