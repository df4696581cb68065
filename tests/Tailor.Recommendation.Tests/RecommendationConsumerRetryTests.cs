using MassTransit;
using Tailor.Contracts;
using Tailor.Recommendation.Ranking;
using Tailor.Recommendation.Training;
using Tailor.Storage;
using Tailor.Testing;
using Tailor.Training.Catalog;

namespace Tailor.Recommendation.Tests;

/// <summary>
/// Each consumer's first attempt fails where the work can fail (the store, the profile cache); the retry must still
/// take effect, because a message is recorded as handled only once its work is done.
/// </summary>
public class RecommendationConsumerRetryTests
{
    [Fact]
    public async Task Consume_purchase_when_the_first_record_fails_records_it_on_retry()
    {
        EventStoreFailingOnce? store = null;
        await using var harness = await RecommendationHarness.StartAsync(events: inner => store = new EventStoreFailingOnce(inner, RecommendationStore.Stream));
        var purchase = Fixtures.Purchase("u1", "p1");

        Assert.True(await harness.DeliverThroughRetryAsync(purchase, m => m.EventId));

        Assert.True(store!.Failed);
        Assert.True(await harness.Events.ContainsAsync(RecommendationStore.Stream, purchase.EventId, TestContext.Current.CancellationToken));
        Assert.False(await harness.WasPublishedAsync<Fault>());
    }

    [Fact]
    public async Task Consume_click_when_the_first_record_fails_records_it_on_retry()
    {
        EventStoreFailingOnce? store = null;
        await using var harness = await RecommendationHarness.StartAsync(events: inner => store = new EventStoreFailingOnce(inner, RecommendationStore.Stream));
        var click = Fixtures.Clicked("u1", "p1");

        Assert.True(await harness.DeliverThroughRetryAsync(click, m => m.EventId));

        Assert.True(store!.Failed);
        Assert.True(await harness.Events.ContainsAsync(RecommendationStore.Stream, click.EventId, TestContext.Current.CancellationToken));
        Assert.False(await harness.WasPublishedAsync<Fault>());
    }

    [Fact]
    public async Task Consume_catalog_item_when_the_first_write_fails_keeps_the_entry_on_retry()
    {
        DocumentStoreFailingOnce? store = null;
        await using var harness = await RecommendationHarness.StartAsync(documents: inner => store = new DocumentStoreFailingOnce(inner, RecommendationStore.CatalogCollection));
        var item = Fixtures.CatalogItem("p1", "Lunch bag red retrospot", price: 1.65m);

        Assert.True(await harness.DeliverThroughRetryAsync(item, m => m.EventId));

        Assert.True(store!.Failed);
        var stored = await harness.Documents.FindAsync<CatalogEntry>(RecommendationStore.CatalogCollection, "p1", TestContext.Current.CancellationToken);
        Assert.Equal(("Lunch bag red retrospot", 1.65m), (stored?.Title, stored?.Price));
        Assert.True(await harness.Events.ContainsAsync(RecommendationStore.Stream, item.EventId, TestContext.Current.CancellationToken));
        Assert.False(await harness.WasPublishedAsync<Fault>());
    }

    [Fact]
    public async Task Consume_user_identified_when_the_first_profile_write_fails_gives_popular_items_on_retry()
    {
        ProfileCacheFailingOnce? cache = null;
        await using var harness = await RecommendationHarness.StartAsync(profiles: inner => cache = new ProfileCacheFailingOnce(inner));
        RecommendedItem[] popular = [new("p1", "Lunch bag red retrospot", 1.65m, 12, Reasons.Popular)];
        var serving = new ServingModel("als-test", Fixtures.Start, 40, popular);
        await harness.Documents.PutAsync(RecommendationStore.ModelCollection, RecommendationStore.ServingModelId, serving, TestContext.Current.CancellationToken);
        var identified = Fixtures.Identified("newcomer");

        Assert.True(await harness.DeliverThroughRetryAsync(identified, m => m.EventId));

        Assert.True(cache!.Failed);
        var profile = await harness.Profiles.ReadAsync("newcomer", TestContext.Current.CancellationToken);
        Assert.Equal(popular, profile?.Recommendations?.Items);
        Assert.True(await harness.WasPublishedAsync<RecommendationsUpdated>(m => m.UserId == "newcomer" && m.ModelVersion == "als-test"));
        Assert.True(await harness.Events.ContainsAsync(RecommendationStore.Stream, identified.EventId, TestContext.Current.CancellationToken));
        Assert.False(await harness.WasPublishedAsync<Fault>());
    }

    [Fact]
    public async Task Consume_user_identified_redone_after_a_failure_past_the_publish_publishes_the_same_event_id()
    {
        DocumentStoreFailingOnce? store = null;
        await using var harness = await RecommendationHarness.StartAsync(documents: inner => store = new DocumentStoreFailingOnce(inner, RecommendationStore.UserRecommendationsCollection));
        RecommendedItem[] popular = [new("p1", "Lunch bag red retrospot", 1.65m, 12, Reasons.Popular)];
        await harness.Documents.PutAsync(
            RecommendationStore.ModelCollection, RecommendationStore.ServingModelId, new ServingModel("als-test", Fixtures.Start, 40, popular), TestContext.Current.CancellationToken);
        var identified = Fixtures.Identified("newcomer");

        Assert.True(await harness.DeliverThroughRetryAsync(identified, m => m.EventId));

        Assert.True(store!.Failed);
        var updates = harness.Published<RecommendationsUpdated>();
        Assert.Equal(2, updates.Count); // once before the failed write, once on the retry
        Assert.Single(updates.Select(update => update.EventId).Distinct());
        Assert.NotNull(await harness.Documents.GetAsync(RecommendationStore.UserRecommendationsCollection, "newcomer", TestContext.Current.CancellationToken));
        Assert.False(await harness.WasPublishedAsync<Fault>());
    }

    [Fact]
    public async Task Consume_training_request_when_the_first_training_fails_answers_it_on_retry()
    {
        ProfileCacheFailingOnce? cache = null;
        await using var harness = await RecommendationHarness.StartAsync(profiles: inner => cache = new ProfileCacheFailingOnce(inner));
        await harness.DeliverAsync([Fixtures.Purchase("u0", "p0"), Fixtures.Purchase("u0", "p1"), Fixtures.Purchase("u1", "p1")], m => m.EventId);
        var request = new ModelTrainingRequested(Guid.NewGuid(), DateTimeOffset.UtcNow, "test");

        Assert.True(await harness.DeliverThroughRetryAsync(request, m => m.EventId));

        Assert.True(cache!.Failed);
        var trained = Assert.Single(harness.Published<RecommenderTrained>());
        Assert.Equal(request.EventId, trained.RequestId);
        Assert.NotNull((await harness.Profiles.ReadAsync("u0", TestContext.Current.CancellationToken))?.Recommendations);
        Assert.True(await harness.Events.ContainsAsync(RecommendationStore.Stream, request.EventId, TestContext.Current.CancellationToken));
        Assert.False(await harness.WasPublishedAsync<Fault>());
    }
}
