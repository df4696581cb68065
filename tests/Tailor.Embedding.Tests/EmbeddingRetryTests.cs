using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Tailor.Contracts;
using Tailor.Embedding.Interests;
using Tailor.Embedding.Model;
using Tailor.Embedding.Vectors;
using Tailor.Profiles.InMemory;
using Tailor.Profiles;
using Tailor.Storage.Sqlite;
using Tailor.Storage;
using Tailor.Testing;

namespace Tailor.Embedding.Tests;

/// <summary>
/// A failure after the point where the consumers used to record the message already is retried, and the retry
/// finishes the work without counting any evidence twice.
/// </summary>
public sealed class EmbeddingRetryTests(ModelFixture model)
{
    private static readonly string[] Customers = ["17850", "13047"];

    [Fact]
    public async Task Consume_catalog_item_after_a_failed_vector_write_stores_and_announces_it()
    {
        await using var host = await EmbeddingHarness.StartAsync(model.Embedder, services => services.AddSingleton<IDocumentStore>(provider =>
            new DocumentStoreFailingOnce(new SqliteDocumentStore(provider.GetRequiredService<SqliteDatabase>()), EmbeddingNames.ItemsCollection)));
        var item = TestMessages.CatalogItem("22752", "SET 7 BABUSHKA NESTING BOXES");

        await host.Harness.Bus.Publish(item, TestContext.Current.CancellationToken);
        await WaitForRecordedAsync(host, 1);

        Assert.True(((DocumentStoreFailingOnce)host.Documents).Failed);
        Assert.Equal("22752", Assert.Single(host.Published<ItemEmbedded>()).ItemId);
        Assert.NotNull(await host.Documents.FindAsync<ItemVector>(EmbeddingNames.ItemsCollection, "22752", TestContext.Current.CancellationToken));
        Assert.False(await host.FaultPublishedAsync<CatalogItemUpserted>());
    }

    [Fact]
    public async Task Consume_purchases_after_a_failed_profile_write_fold_each_purchase_in_once()
    {
        var profiles = new ProfileCacheFailingOnce(new InMemoryProfileCache());
        await using var host = await EmbeddingHarness.StartAsync(model.Embedder, services => services.AddSingleton<IProfileCache>(profiles));
        var purchases = TestMessages.RetailLines
            .Where(line => Customers.Contains(line.CustomerId) && line.Quantity > 0)
            .Take(40)
            .Select(TestMessages.Purchase)
            .ToList();

        await host.Harness.Bus.PublishBatch(purchases, TestContext.Current.CancellationToken);
        await WaitForRecordedAsync(host, purchases.Count);

        Assert.True(profiles.Failed);
        var updates = host.Published<UserInterestsUpdated>();
        Assert.Equal(Customers.Order(), updates.Select(update => update.UserId).Order());
        foreach (var update in updates)
        {
            var own = purchases.Count(purchase => purchase.UserId == update.UserId);
            Assert.Equal(own, update.EvidenceCount);
            var state = await host.Documents.FindAsync<UserInterestState>(
                EmbeddingNames.UsersCollection, update.UserId, TestContext.Current.CancellationToken);
            Assert.Equal(own, state?.EvidenceCount);
            Assert.Equal(own, (await profiles.ReadAsync(update.UserId, TestContext.Current.CancellationToken))?.Interests?.EvidenceCount);
        }

        Assert.False(await host.FaultPublishedAsync<UserActivityTracked>());
    }

    [Fact]
    public async Task Consume_click_after_a_failed_profile_write_counts_once_and_publishes_one_update()
    {
        var profiles = new ProfileCacheFailingOnce(new InMemoryProfileCache());
        await using var host = await EmbeddingHarness.StartAsync(model.Embedder, services => services.AddSingleton<IProfileCache>(profiles));
        await host.Services.GetRequiredService<ItemVectorStore>().SaveUnlessStaleAsync(
            new ItemVector("22423", EmbeddingModels.MiniLm.Name, EmbeddingModels.MiniLm.Version, model.Embed("REGENCY CAKESTAND 3 TIER"), TestMessages.Start),
            TestContext.Current.CancellationToken);

        await host.Harness.Bus.Publish(TestMessages.Click("17850", "22423"), TestContext.Current.CancellationToken);
        await WaitForRecordedAsync(host, 1);

        Assert.True(profiles.Failed);
        Assert.Equal(1, Assert.Single(host.Published<UserInterestsUpdated>()).EvidenceCount);
        Assert.Equal(1, (await profiles.ReadAsync("17850", TestContext.Current.CancellationToken))?.Interests?.EvidenceCount);
        Assert.False(await host.FaultPublishedAsync<EmailEngaged>());
    }

    [Fact]
    public async Task Consume_user_erased_after_a_failed_delete_removes_the_interest_state()
    {
        await using var host = await EmbeddingHarness.StartAsync(model.Embedder, services => services.AddSingleton<IDocumentStore>(provider =>
            new DocumentStoreFailingOnce(new SqliteDocumentStore(provider.GetRequiredService<SqliteDatabase>()), EmbeddingNames.UsersCollection, onDelete: true)));
        var evidence = new InterestEvidence(TestMessages.Start, model.Embed("JUMBO BAG RED RETROSPOT"), EvidenceWeights.Purchase, Guid.NewGuid());
        await host.Services.GetRequiredService<UserInterests>().AddAsync("17850", Guid.NewGuid(), [evidence], TestContext.Current.CancellationToken);

        await host.Harness.Bus.Publish(new UserErased(Guid.NewGuid(), "17850", TestMessages.Start), TestContext.Current.CancellationToken);
        await host.WaitForConsumedAtLeastAsync<UserErased>(1);

        Assert.True(((DocumentStoreFailingOnce)host.Documents).Failed);
        Assert.Null(await host.Documents.FindAsync<UserInterestState>(
            EmbeddingNames.UsersCollection, "17850", TestContext.Current.CancellationToken));
        Assert.False(await host.FaultPublishedAsync<UserErased>());
    }

    /// <summary>
    /// Waits until Embedding recorded <paramref name="count"/> events: the last step of a consumer, so everything else
    /// is done by then, however many attempts it took.
    /// </summary>
    private static async Task WaitForRecordedAsync(ConsumerHarness host, long count)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await Polling.WithinAsync(async () => await host.Events.CountAsync(EmbeddingNames.Stream, cancellationToken) >= count);
        Assert.Equal(count, await host.Events.CountAsync(EmbeddingNames.Stream, cancellationToken));
    }
}
