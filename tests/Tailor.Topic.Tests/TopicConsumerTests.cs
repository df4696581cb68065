using MassTransit;
using Tailor.Contracts;
using Tailor.Profiles;
using Tailor.Storage;
using Tailor.Topic.Training;
using Tailor.Training.Catalog;

namespace Tailor.Topic.Tests;

public class TopicConsumerTests
{
    [Fact]
    public async Task Consume_training_request_publishes_topic_model_trained_with_request_id_and_every_users_topics()
    {
        await using var harness = await TopicHarness.StartAsync();
        await harness.DeliverAsync(Fixtures.TwoInterests(), m => m.EventId);
        var request = new ModelTrainingRequested(Guid.NewGuid(), DateTimeOffset.UtcNow, "test");

        await harness.PublishAsync(request);

        Assert.True(await harness.PublishedWithinAsync<TopicModelTrained>(m => m.RequestId == request.EventId, TimeSpan.FromSeconds(60)));
        var trained = Assert.Single(harness.Published<TopicModelTrained>());
        Assert.Equal(40, trained.Documents);
        Assert.Equal(2, trained.Topics.Count);
        // Labels are phrases from the names of what the users bought, not LDA's word list.
        var names = string.Join(". ", Fixtures.TwoInterests().Select(activity => activity.ItemName)).ToLowerInvariant();
        Assert.All(trained.Topics, topic => Assert.All(topic.Label.Split(" & "), phrase => Assert.Contains(phrase, names, StringComparison.Ordinal)));
        Assert.True(trained.Promoted);
        Assert.Null(trained.PreviousCoherence);

        var updates = harness.Published<UserTopicsUpdated>();
        Assert.Equal(40, updates.Select(update => update.UserId).Distinct().Count());
        Assert.All(updates, update =>
        {
            Assert.Equal(trained.ModelVersion, update.ModelVersion);
            Assert.Equal(1.0, update.Mixture.Sum(), precision: 6);
            Assert.Equal(trained.Topics[update.DominantTopic].Label, update.DominantLabel);
        });

        var profile = await harness.Profiles.ReadAsync("u00", TestContext.Current.CancellationToken);
        Assert.Equal(updates.Single(update => update.UserId == "u00").Mixture, profile?.Topics?.Mixture);
        Assert.NotNull(await harness.Documents.GetAsync(TopicStore.UserTopicsCollection, "u07", TestContext.Current.CancellationToken));
        Assert.False(await harness.WasPublishedAsync<Fault>());
    }

    [Fact]
    public async Task Consume_training_request_keeps_the_serving_model_when_the_new_one_is_less_coherent()
    {
        var options = new TopicOptions { Topics = 2, TopWords = 4 };
        await using var harness = await TopicHarness.StartAsync(options: options);
        await harness.DeliverAsync(Fixtures.TwoInterests(), m => m.EventId);
        var first = new ModelTrainingRequested(Guid.NewGuid(), DateTimeOffset.UtcNow, "first");
        await harness.PublishAsync(first);
        Assert.True(await harness.PublishedWithinAsync<TopicModelTrained>(m => m.RequestId == first.EventId, TimeSpan.FromSeconds(60)));
        var serving = Assert.Single(harness.Published<TopicModelTrained>());
        var servingTopics = await harness.Documents.FindAsync<TopicsSlice>(TopicStore.UserTopicsCollection, "u00", TestContext.Current.CancellationToken);
        var before = await harness.Documents.FindAsync<TopicServingModel>(TopicStore.ModelCollection, TopicStore.ServingModelId, TestContext.Current.CancellationToken);

        // A sampler stopped after one pass leaves topics that mix the two vocabularies.
        options.Iterations = 1;
        var request = new ModelTrainingRequested(Guid.NewGuid(), DateTimeOffset.UtcNow, "second");
        await harness.PublishAsync(request);
        // Polled rather than WasPublishedAsync: the harness counts the first training's long quiet as the end of activity.
        Assert.True(await harness.PublishedWithinAsync<TopicModelTrained>(m => m.RequestId == request.EventId, TimeSpan.FromSeconds(60)));

        var candidate = Assert.Single(harness.Published<TopicModelTrained>(), m => m.RequestId == request.EventId);
        Assert.False(candidate.Promoted);
        Assert.True(candidate.Coherence < candidate.PreviousCoherence - options.CoherenceTolerance, $"{candidate.Coherence} vs {candidate.PreviousCoherence}");
        var model = await harness.Documents.FindAsync<TopicServingModel>(TopicStore.ModelCollection, TopicStore.ServingModelId, TestContext.Current.CancellationToken);
        Assert.Equal(serving.ModelVersion, model?.ModelVersion);
        // The evidence the candidate saw counts as seen, so the same data does not make it due again at once.
        Assert.True(model?.EvidenceCount > before?.EvidenceCount);
        Assert.True(model?.CheckedAt > before?.TrainedAt);
        Assert.Equal(before?.TrainedAt, model?.TrainedAt);
        var userTopics = await harness.Documents.FindAsync<TopicsSlice>(TopicStore.UserTopicsCollection, "u00", TestContext.Current.CancellationToken);
        Assert.Equal((servingTopics?.ModelVersion, servingTopics?.UpdatedAt), (userTopics?.ModelVersion, userTopics?.UpdatedAt));
        Assert.Equal(servingTopics?.Mixture, userTopics?.Mixture);
        Assert.False(await harness.WasPublishedAsync<Fault>());
    }

    [Fact]
    public async Task Consume_user_erased_forgets_the_users_events_and_topics_and_the_next_training_leaves_them_out()
    {
        await using var harness = await TopicHarness.StartAsync();
        await harness.DeliverAsync(Fixtures.TwoInterests(), m => m.EventId);
        var first = new ModelTrainingRequested(Guid.NewGuid(), DateTimeOffset.UtcNow, "test");
        await harness.PublishAsync(first);
        // Polled with a minute's patience: a training on a busy machine outlasts the harness's default wait.
        Assert.True(await harness.PublishedWithinAsync<TopicModelTrained>(m => m.RequestId == first.EventId, TimeSpan.FromSeconds(60)));
        Assert.NotNull((await harness.Profiles.ReadAsync("u07", TestContext.Current.CancellationToken))?.Topics);

        var erased = new UserErased(Guid.NewGuid(), "u07", DateTimeOffset.UtcNow);
        Assert.True(await harness.DeliverThroughRetryAsync(erased, m => m.EventId));
        var second = new ModelTrainingRequested(Guid.NewGuid(), DateTimeOffset.UtcNow, "test");
        await harness.PublishAsync(second);

        Assert.True(await harness.PublishedWithinAsync<TopicModelTrained>(m => m.RequestId == second.EventId, TimeSpan.FromSeconds(60)));
        Assert.Null(await harness.Documents.GetAsync(TopicStore.UserTopicsCollection, "u07", TestContext.Current.CancellationToken));
        Assert.Null((await harness.Profiles.ReadAsync("u07", TestContext.Current.CancellationToken))?.Topics);
        Assert.Empty(await harness.Events.ReadAsync(new EventQuery(TopicStore.Stream) { UserId = "u07" }, TestContext.Current.CancellationToken)
            .ToListAsync(TestContext.Current.CancellationToken));
        Assert.Equal(39, harness.Published<TopicModelTrained>().Single(m => m.RequestId == second.EventId).Documents);
        Assert.False(await harness.WasPublishedAsync<Fault>());
    }

    [Fact]
    public async Task Consume_duplicate_event_has_one_effect()
    {
        await using var harness = await TopicHarness.StartAsync();
        await harness.DeliverAsync(Fixtures.TwoInterests(), m => m.EventId);
        var wrote = Fixtures.Wrote("u00", "Seeds for a shady garden");
        var request = new ModelTrainingRequested(Guid.NewGuid(), DateTimeOffset.UtcNow, "test");
        var ct = TestContext.Current.CancellationToken;
        var before = await harness.Events.CountAsync(TopicStore.Stream, ct);

        await harness.DeliverAsync([wrote, wrote], m => m.EventId);
        await harness.DeliverAsync([request, request], m => m.EventId);
        await harness.Harness.InactivityTask; // both copies handled, not just the first

        Assert.Equal(before + 2, await harness.Events.CountAsync(TopicStore.Stream, ct));
        Assert.Single(harness.Published<TopicModelTrained>());
        Assert.False(await harness.WasPublishedAsync<Fault>());
    }

    [Fact]
    public async Task Consume_activity_without_a_user_faults_and_the_rest_of_its_batch_is_recorded()
    {
        await using var harness = await TopicHarness.StartAsync();
        var wrote = Fixtures.Wrote("u1", "Seeds for a shady garden");
        var anonymous = Fixtures.Wrote(" ", "Bulbs for spring");
        var ct = TestContext.Current.CancellationToken;

        await harness.Harness.Bus.PublishBatch([wrote, anonymous], ct);
        await harness.WaitForConsumedAsync<UserActivityTracked>(2);

        Assert.True(await harness.WasPublishedAsync<Fault<UserActivityTracked>>(m => m.Message.EventId == anonymous.EventId));
        Assert.True(await harness.Events.ContainsAsync(TopicStore.Stream, wrote.EventId, ct));
        Assert.Equal(1, await harness.Events.CountAsync(TopicStore.Stream, ct));
    }

    [Fact]
    public async Task Consume_training_request_with_no_words_yet_faults_instead_of_answering()
    {
        await using var harness = await TopicHarness.StartAsync();
        var request = new ModelTrainingRequested(Guid.NewGuid(), DateTimeOffset.UtcNow, "test");

        await harness.PublishAsync(request);

        Assert.True(await harness.WasPublishedAsync<Fault<ModelTrainingRequested>>(m => m.Message.EventId == request.EventId));
        Assert.False(await harness.WasPublishedAsync<TopicModelTrained>());
    }

    [Fact]
    public async Task Consume_catalog_item_names_items_that_arrive_without_a_name()
    {
        await using var harness = await TopicHarness.StartAsync();
        await harness.DeliverAsync([Fixtures.CatalogItem("22423", "REGENCY CAKESTAND 3 TIER")], m => m.EventId);

        var stored = await harness.Documents.FindAsync<CatalogEntry>(TopicStore.CatalogCollection, "22423", TestContext.Current.CancellationToken);

        Assert.Equal("REGENCY CAKESTAND 3 TIER", stored?.Title);
        Assert.False(await harness.WasPublishedAsync<Fault>());
    }
}
