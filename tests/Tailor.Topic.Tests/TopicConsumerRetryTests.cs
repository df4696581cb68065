using MassTransit;
using Tailor.Contracts;
using Tailor.Storage;
using Tailor.Testing;
using Tailor.Training.Catalog;

namespace Tailor.Topic.Tests;

/// <summary>
/// Each consumer's first attempt fails where the work can fail (the store, the profile cache); the retry must still
/// take effect, because a message is recorded as handled only once its work is done.
/// </summary>
public class TopicConsumerRetryTests
{
    [Fact]
    public async Task Consume_activity_when_the_first_record_fails_records_it_on_retry()
    {
        EventStoreFailingOnce? store = null;
        await using var harness = await TopicHarness.StartAsync(events: inner => store = new EventStoreFailingOnce(inner, TopicStore.Stream));
        var wrote = Fixtures.Wrote("u1", "Seeds for a shady garden");

        Assert.True(await harness.DeliverThroughRetryAsync(wrote, m => m.EventId));

        Assert.True(store!.Failed);
        Assert.True(await harness.Events.ContainsAsync(TopicStore.Stream, wrote.EventId, TestContext.Current.CancellationToken));
        Assert.False(await harness.WasPublishedAsync<Fault>());
    }

    [Fact]
    public async Task Consume_email_engaged_when_the_first_record_fails_records_it_on_retry()
    {
        EventStoreFailingOnce? store = null;
        await using var harness = await TopicHarness.StartAsync(events: inner => store = new EventStoreFailingOnce(inner, TopicStore.Stream));
        var opened = Fixtures.Opened("u1");

        Assert.True(await harness.DeliverThroughRetryAsync(opened, m => m.EventId));

        Assert.True(store!.Failed);
        Assert.True(await harness.Events.ContainsAsync(TopicStore.Stream, opened.EventId, TestContext.Current.CancellationToken));
        Assert.False(await harness.WasPublishedAsync<Fault>());
    }

    [Fact]
    public async Task Consume_catalog_item_when_the_first_write_fails_keeps_the_title_on_retry()
    {
        DocumentStoreFailingOnce? store = null;
        await using var harness = await TopicHarness.StartAsync(documents: inner => store = new DocumentStoreFailingOnce(inner, TopicStore.CatalogCollection));
        var item = Fixtures.CatalogItem("22423", "REGENCY CAKESTAND 3 TIER");

        Assert.True(await harness.DeliverThroughRetryAsync(item, m => m.EventId));

        Assert.True(store!.Failed);
        var stored = await harness.Documents.FindAsync<CatalogEntry>(TopicStore.CatalogCollection, "22423", TestContext.Current.CancellationToken);
        Assert.Equal("REGENCY CAKESTAND 3 TIER", stored?.Title);
        Assert.True(await harness.Events.ContainsAsync(TopicStore.Stream, item.EventId, TestContext.Current.CancellationToken));
        Assert.False(await harness.WasPublishedAsync<Fault>());
    }

    [Fact]
    public async Task Consume_training_request_when_the_first_training_fails_answers_it_on_retry()
    {
        ProfileCacheFailingOnce? cache = null;
        await using var harness = await TopicHarness.StartAsync(profiles: inner => cache = new ProfileCacheFailingOnce(inner));
        await harness.DeliverAsync(Fixtures.TwoInterests(), m => m.EventId);
        var request = new ModelTrainingRequested(Guid.NewGuid(), DateTimeOffset.UtcNow, "test");

        Assert.True(await harness.DeliverThroughRetryAsync(request, m => m.EventId));

        Assert.True(cache!.Failed);
        var trained = Assert.Single(harness.Published<TopicModelTrained>());
        Assert.Equal(request.EventId, trained.RequestId);
        Assert.NotNull((await harness.Profiles.ReadAsync("u00", TestContext.Current.CancellationToken))?.Topics);
        Assert.True(await harness.Events.ContainsAsync(TopicStore.Stream, request.EventId, TestContext.Current.CancellationToken));
        Assert.False(await harness.WasPublishedAsync<Fault>());
    }
}
