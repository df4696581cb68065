using MassTransit;
using Tailor.Contracts;
using Tailor.Recommendation.Training;
using Tailor.Storage;
using Tailor.Testing;

namespace Tailor.Recommendation.Tests;

/// <summary>A new recommender replaces the serving one only if it does as well on what users did after the serving model's data.</summary>
public sealed class PromotionTests
{
    [Fact]
    public async Task Training_keeps_the_serving_model_when_the_new_one_scores_lower_on_the_held_out_slice()
    {
        var options = SmallModel();
        await using var harness = await RecommendationHarness.StartAsync(options: options);
        await harness.DeliverAsync(FirstMonth(), m => m.EventId);
        var first = await TrainAsync(harness);
        var served = await harness.Profiles.ReadAsync("u03", TestContext.Current.CancellationToken);
        await harness.DeliverAsync(NextWeeks(), m => m.EventId);

        // One item instead of six finds fewer of the items users went on to buy.
        options.TopN = 1;
        var second = await TrainAsync(harness);

        Assert.True(first.Promoted);
        Assert.False(second.Promoted);
        Assert.True(second.NdcgAt10 < second.PreviousNdcgAt10 - options.PromotionTolerance, $"{second.NdcgAt10} vs {second.PreviousNdcgAt10}");
        Assert.True(second.EvaluatedUsers >= options.MinPromotionUsers);
        var model = await harness.Documents.FindAsync<ServingModel>(RecommendationStore.ModelCollection, RecommendationStore.ServingModelId, TestContext.Current.CancellationToken);
        Assert.Equal(first.ModelVersion, model?.ModelVersion);
        Assert.NotNull(model?.CheckedAt);
        Assert.Equal(served?.Recommendations?.Items, (await harness.Profiles.ReadAsync("u03", TestContext.Current.CancellationToken))?.Recommendations?.Items);
        Assert.False(await harness.WasPublishedAsync<Fault>());
    }

    [Fact]
    public async Task Training_promotes_a_model_as_good_as_the_serving_one_and_keeps_the_old_one_for_rollback()
    {
        await using var harness = await RecommendationHarness.StartAsync(options: SmallModel());
        await harness.DeliverAsync(FirstMonth(), m => m.EventId);
        var first = await TrainAsync(harness);
        await harness.DeliverAsync(NextWeeks(), m => m.EventId);

        var second = await TrainAsync(harness);

        Assert.True(second.Promoted);
        Assert.NotNull(second.NdcgAt10);
        Assert.True(second.NdcgAt10 > 0 && second.PreviousNdcgAt10 > 0, $"{second.NdcgAt10} vs {second.PreviousNdcgAt10}");
        var serving = await harness.Documents.FindAsync<ServingModel>(RecommendationStore.ModelCollection, RecommendationStore.ServingModelId, TestContext.Current.CancellationToken);
        var previous = await harness.Documents.FindAsync<ServingModel>(RecommendationStore.ModelCollection, RecommendationStore.PreviousModelId, TestContext.Current.CancellationToken);
        Assert.Equal(second.ModelVersion, serving?.ModelVersion);
        Assert.Equal(first.ModelVersion, previous?.ModelVersion);
        Assert.Equal(Fixtures.Start.AddDays(40), serving?.DataEnd);
    }

    [Fact]
    public async Task Rollback_serves_the_previous_models_lists_again_and_a_second_rollback_rolls_forward()
    {
        await using var harness = await RecommendationHarness.StartAsync(options: SmallModel());
        await harness.DeliverAsync(FirstMonth(), m => m.EventId);
        var first = await TrainAsync(harness);
        var firstLists = await harness.Profiles.ReadAsync("u03", TestContext.Current.CancellationToken);
        await harness.DeliverAsync(NextWeeks(), m => m.EventId);
        var second = await TrainAsync(harness);
        Assert.Equal(second.ModelVersion, (await harness.Profiles.ReadAsync("u03", TestContext.Current.CancellationToken))?.Recommendations?.ModelVersion);

        var back = await RollBackAsync(harness);

        Assert.Equal((second.ModelVersion, first.ModelVersion), (back.FromVersion, back.ToVersion));
        Assert.Equal(30, back.Users);
        Assert.Equal(firstLists?.Recommendations?.Items, (await harness.Profiles.ReadAsync("u03", TestContext.Current.CancellationToken))?.Recommendations?.Items);
        var serving = await harness.Documents.FindAsync<ServingModel>(RecommendationStore.ModelCollection, RecommendationStore.ServingModelId, TestContext.Current.CancellationToken);
        Assert.Equal(first.ModelVersion, serving?.ModelVersion);

        var forward = await RollBackAsync(harness);

        Assert.Equal(second.ModelVersion, forward.ToVersion);
        Assert.Equal(second.ModelVersion, (await harness.Profiles.ReadAsync("u03", TestContext.Current.CancellationToken))?.Recommendations?.ModelVersion);
        Assert.False(await harness.WasPublishedAsync<Fault>());
    }

    [Fact]
    public async Task Rollback_after_an_erasure_gives_nothing_back_to_the_erased_user()
    {
        await using var harness = await RecommendationHarness.StartAsync(options: SmallModel());
        await harness.DeliverAsync(FirstMonth(), m => m.EventId);
        await TrainAsync(harness);
        await harness.DeliverAsync(NextWeeks(), m => m.EventId);
        await TrainAsync(harness);
        await harness.DeliverAsync([new UserTopicsUpdated(Guid.NewGuid(), "u03", Fixtures.Start, "lda-1", [1.0], 0, "garden")], m => m.EventId);
        Assert.NotNull(await harness.Documents.GetAsync(RecommendationStore.PreviousUserRecommendationsCollection, "u03", TestContext.Current.CancellationToken));

        Assert.True(await harness.DeliverThroughRetryAsync(new UserErased(Guid.NewGuid(), "u03", DateTimeOffset.UtcNow), m => m.EventId));
        await harness.Profiles.RemoveAsync("u03", TestContext.Current.CancellationToken); // as Ingestion does on erasure
        var back = await RollBackAsync(harness);

        Assert.Equal(29, back.Users);
        Assert.Null(await harness.Profiles.ReadAsync("u03", TestContext.Current.CancellationToken));
        foreach (var collection in new[]
        {
            RecommendationStore.UserRecommendationsCollection, RecommendationStore.PreviousUserRecommendationsCollection, RecommendationStore.UserTopicsCollection,
        })
        {
            Assert.Null(await harness.Documents.GetAsync(collection, "u03", TestContext.Current.CancellationToken));
        }
    }

    [Fact]
    public async Task Rollback_without_a_previous_model_is_refused_with_its_reason_and_changes_nothing()
    {
        await using var harness = await RecommendationHarness.StartAsync(options: SmallModel());
        await harness.DeliverAsync(FirstMonth(), m => m.EventId);
        var first = await TrainAsync(harness);
        var request = new RecommenderRollbackRequested(Guid.NewGuid(), DateTimeOffset.UtcNow);

        await harness.PublishAsync(request);

        Assert.True(await harness.PublishedWithinAsync<RecommenderRollbackRefused>(m => m.RequestId == request.EventId, TimeSpan.FromSeconds(30)));
        var refused = harness.Published<RecommenderRollbackRefused>().Single();
        Assert.Equal($"{first.ModelVersion} is the first recommender trained; there is no previous one to roll back to.", refused.Reason);
        Assert.False(await harness.WasPublishedAsync<Fault>());
        var serving = await harness.Documents.FindAsync<ServingModel>(RecommendationStore.ModelCollection, RecommendationStore.ServingModelId, TestContext.Current.CancellationToken);
        Assert.Equal(first.ModelVersion, serving?.ModelVersion);
    }

    [Fact]
    public async Task Rollback_asked_for_before_the_serving_model_began_serving_is_refused_and_changes_nothing()
    {
        await using var harness = await RecommendationHarness.StartAsync(options: SmallModel());
        await harness.DeliverAsync(FirstMonth(), m => m.EventId);
        await TrainAsync(harness);
        // Asked for while the first model served, and delivered only after a second one was promoted (it waited behind
        // the training, or the operator sent it again): it must not undo the model nobody has looked at yet.
        var waited = new RecommenderRollbackRequested(Guid.NewGuid(), DateTimeOffset.UtcNow);
        await harness.DeliverAsync(NextWeeks(), m => m.EventId);
        var second = await TrainAsync(harness);

        await harness.PublishAsync(waited);

        Assert.True(await harness.PublishedWithinAsync<RecommenderRollbackRefused>(m => m.RequestId == waited.EventId, TimeSpan.FromSeconds(30)));
        var refused = harness.Published<RecommenderRollbackRefused>().Single();
        Assert.StartsWith($"{second.ModelVersion} began serving at ", refused.Reason, StringComparison.Ordinal);
        Assert.EndsWith("ask again to roll it back.", refused.Reason, StringComparison.Ordinal);
        var serving = await harness.Documents.FindAsync<ServingModel>(RecommendationStore.ModelCollection, RecommendationStore.ServingModelId, TestContext.Current.CancellationToken);
        Assert.Equal(second.ModelVersion, serving?.ModelVersion);
        Assert.Equal(second.ModelVersion, (await harness.Profiles.ReadAsync("u03", TestContext.Current.CancellationToken))?.Recommendations?.ModelVersion);

        // Asked for again, now, it rolls back.
        var back = await RollBackAsync(harness);
        Assert.Equal(second.ModelVersion, back.FromVersion);
    }

    [Fact]
    public async Task Rollback_sent_as_a_request_is_answered_refused_before_a_second_model_and_rolled_back_after()
    {
        await using var harness = await RecommendationHarness.StartAsync(options: SmallModel());
        var client = harness.Harness.GetRequestClient<RecommenderRollbackRequested>();
        async Task<Response<RecommenderRolledBack, RecommenderRollbackRefused>> AskAsync() =>
            await client.GetResponse<RecommenderRolledBack, RecommenderRollbackRefused>(
                new RecommenderRollbackRequested(Guid.NewGuid(), DateTimeOffset.UtcNow), TestContext.Current.CancellationToken, RequestTimeout.After(s: 60));

        var beforeTraining = await AskAsync();
        await harness.DeliverAsync(FirstMonth(), m => m.EventId);
        var first = await TrainAsync(harness);
        await harness.DeliverAsync(NextWeeks(), m => m.EventId);
        var second = await TrainAsync(harness);
        var afterTwo = await AskAsync();

        Assert.True(beforeTraining.Is(out Response<RecommenderRollbackRefused>? refused));
        Assert.Equal("no recommender has been trained yet, so there is nothing to roll back to.", refused.Message.Reason);
        Assert.True(afterTwo.Is(out Response<RecommenderRolledBack>? rolledBack));
        Assert.Equal((second.ModelVersion, first.ModelVersion), (rolledBack.Message.FromVersion, rolledBack.Message.ToVersion));
    }

    private static async Task<RecommenderRolledBack> RollBackAsync(ConsumerHarness harness)
    {
        var request = new RecommenderRollbackRequested(Guid.NewGuid(), DateTimeOffset.UtcNow);
        await harness.PublishAsync(request);
        Assert.True(await harness.PublishedWithinAsync<RecommenderRolledBack>(m => m.RequestId == request.EventId, TimeSpan.FromSeconds(60)));
        return harness.Published<RecommenderRolledBack>().Single(m => m.RequestId == request.EventId);
    }

    private static RecommendationOptions SmallModel() =>
        new() { Factors = 4, Regularization = 0.1, Alpha = 1, MinPromotionUsers = 10, BlendValidation = TimeSpan.FromDays(60) };

    private static async Task<RecommenderTrained> TrainAsync(ConsumerHarness harness)
    {
        var request = new ModelTrainingRequested(Guid.NewGuid(), DateTimeOffset.UtcNow, "test");
        await harness.PublishAsync(request);
        Assert.True(await harness.PublishedWithinAsync<RecommenderTrained>(m => m.RequestId == request.EventId, TimeSpan.FromSeconds(60)));
        return harness.Published<RecommenderTrained>().Single(m => m.RequestId == request.EventId);
    }

    /// <summary>Thirty shoppers in two groups of ten products; each buys four of their group's in the first month.</summary>
    private static IEnumerable<UserActivityTracked> FirstMonth() =>
        Enumerable.Range(0, 30).SelectMany(user => Enumerable.Range(0, 4).Select(k =>
            Fixtures.Purchase($"u{user:D2}", $"{Group(user)}{(user + k) % 10}", day: k * 7, name: $"Item {Group(user)}{(user + k) % 10}")));

    /// <summary>Then each buys two more of their group's products, after the first model's data.</summary>
    private static IEnumerable<UserActivityTracked> NextWeeks() =>
        Enumerable.Range(0, 30).SelectMany(user => Enumerable.Range(4, 2).Select(k =>
            Fixtures.Purchase($"u{user:D2}", $"{Group(user)}{(user + k) % 10}", day: 35 + (k - 4) * 5, name: $"Item {Group(user)}{(user + k) % 10}")));

    private static string Group(int user) => user % 2 == 0 ? "a" : "b";
}
