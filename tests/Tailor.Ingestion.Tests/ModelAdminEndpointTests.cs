using System.Net;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Tailor.Contracts;
using Tailor.Messaging;

namespace Tailor.Ingestion.Tests;

public sealed class ModelAdminEndpointTests
{
    private const string RollbackPath = "/v1/admin/models/recommender/rollback";

    [Fact]
    public async Task Post_rollback_answers_200_with_the_versions_when_Recommendation_rolls_back()
    {
        await using var app = await StartAnsweringAsync(request => new RecommenderRolledBack(Guid.NewGuid(), IngestionApp.Now, "als-2", "als-1", 30, request.EventId));

        using var answer = await app.Client.PostAsync(RollbackPath, null, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var body = await IngestionApp.ReadJsonAsync(answer);
        var sent = Assert.Single(app.Published<RecommenderRollbackRequested>());
        Assert.Equal(sent.EventId, body.GetProperty("rollbackId").GetGuid());
        Assert.Equal(("als-2", "als-1", 30), (body.GetProperty("fromVersion").GetString(), body.GetProperty("toVersion").GetString(), body.GetProperty("users").GetInt32()));
    }

    [Fact]
    public async Task Post_rollback_answers_409_with_Recommendations_reason_when_there_is_nothing_to_roll_back_to()
    {
        await using var app = await StartAnsweringAsync(request => new RecommenderRollbackRefused(
            Guid.NewGuid(), IngestionApp.Now, "als-1 is the first recommender trained; there is no previous one to roll back to.", request.EventId));

        using var answer = await app.Client.PostAsync(RollbackPath, null, TestContext.Current.CancellationToken);

        var detail = await Problems.DetailAsync(answer, HttpStatusCode.Conflict);
        var sent = Assert.Single(app.Published<RecommenderRollbackRequested>());
        Assert.Equal($"Rollback {sent.EventId} changed nothing: als-1 is the first recommender trained; there is no previous one to roll back to.", detail);
    }

    [Fact]
    public async Task Post_rollback_with_no_answer_in_time_is_202_and_the_request_never_expires_from_its_queue()
    {
        await using var app = await IngestionApp.StartAsync(configure: ShortWait);

        using var answer = await app.Client.PostAsync(RollbackPath, null, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Accepted, answer.StatusCode);
        var body = await IngestionApp.ReadJsonAsync(answer);
        var sent = Assert.Single(app.Harness.Published.Select<RecommenderRollbackRequested>(TestContext.Current.CancellationToken));
        Assert.Equal(sent.Context.Message.EventId, body.GetProperty("rollbackId").GetGuid());
        Assert.Null(sent.Context.TimeToLive);
    }

    [Fact]
    public async Task Post_rollback_without_a_key_is_401_and_sends_nothing()
    {
        await using var app = await IngestionApp.StartAsync();

        using var answer = await app.AnonymousClient().PostAsync(RollbackPath, null, TestContext.Current.CancellationToken);

        await Problems.TitleAsync(answer, HttpStatusCode.Unauthorized);
        Assert.Empty(app.Published<RecommenderRollbackRequested>());
    }

    private static readonly Dictionary<string, string?> ShortWait = new() { ["Tailor:Ingestion:RollbackWait"] = "00:00:00.500" };

    /// <summary>Ingestion with a consumer in Recommendation's place that gives one answer to every rollback.</summary>
    private static Task<IngestionApp> StartAnsweringAsync(Func<RecommenderRollbackRequested, object> answer) =>
        IngestionApp.StartAsync(
            configure: ShortWait,
            otherServices: builder =>
            {
                builder.Services.AddSingleton(new RecommendationStandIn.Answer(answer));
                builder.AddTailorConsumers("tailor-ingestion-tests-recommendation", bus => bus.AddConsumer<RecommendationStandIn>());
            });

    /// <summary>Answers a rollback as Recommendation would, with what the test set.</summary>
    private sealed class RecommendationStandIn(RecommendationStandIn.Answer answer) : IConsumer<RecommenderRollbackRequested>
    {
        public Task Consume(ConsumeContext<RecommenderRollbackRequested> context) => context.RespondAsync(answer.For(context.Message));

        public sealed record Answer(Func<RecommenderRollbackRequested, object> For);
    }
}
