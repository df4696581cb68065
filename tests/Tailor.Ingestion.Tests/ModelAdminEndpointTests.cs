using System.Net;
using Tailor.Contracts;

namespace Tailor.Ingestion.Tests;

public sealed class ModelAdminEndpointTests
{
    [Fact]
    public async Task Post_rollback_with_an_admin_key_publishes_the_request_and_answers_202()
    {
        await using var app = await IngestionApp.StartAsync();

        using var answer = await app.Client.PostAsync("/v1/admin/models/recommender/rollback", null, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Accepted, answer.StatusCode);
        var body = await IngestionApp.ReadJsonAsync(answer);
        var published = Assert.Single(app.Published<RecommenderRollbackRequested>());
        Assert.Equal(published.EventId, body.GetProperty("rollbackId").GetGuid());
    }

    [Fact]
    public async Task Post_rollback_without_a_key_is_401_and_sends_nothing()
    {
        await using var app = await IngestionApp.StartAsync();

        using var answer = await app.AnonymousClient().PostAsync("/v1/admin/models/recommender/rollback", null, TestContext.Current.CancellationToken);

        await Problems.TitleAsync(answer, HttpStatusCode.Unauthorized);
        Assert.Empty(app.Published<RecommenderRollbackRequested>());
    }
}
