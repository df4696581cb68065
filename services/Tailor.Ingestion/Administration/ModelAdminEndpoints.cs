using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tailor.Contracts;
using Tailor.Ingestion.Security;
using Tailor.ServiceDefaults;

namespace Tailor.Ingestion.Administration;

/// <summary><c>POST /v1/admin/models/recommender/rollback</c>: serve the previous recommender again; admin scope.</summary>
internal sealed class ModelAdminEndpoints : IEndpointModule
{
    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        var models = endpoints.MapGroup("/v1/admin/models")
            .WithTags("Administration")
            .RequireApiScope(ApiScopes.Admin);
        models.MapPost("/recommender/rollback", RollBackAsync)
            .WithSummary("Serve the recommender that served before the current one again; a second call rolls forward")
            .Produces(StatusCodes.Status200OK)
            .Produces(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status502BadGateway)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
    }

    // The models are Recommendation's, so only it can say whether there is one to roll back to. The request waits for
    // its answer a while (RollbackWait); past that (a training holds the models, or Recommendation is down) it is
    // answered 202 and stays queued: no time-to-live, so it runs when Recommendation can, as the 202 says.
    private static async Task<IResult> RollBackAsync(
        HttpContext http, IRequestClient<RecommenderRollbackRequested> recommendation, IOptions<IngestionOptions> options, TimeProvider time,
        ILogger<ModelAdminEndpoints> logger)
    {
        var request = new RecommenderRollbackRequested(NewId.NextGuid(), time.GetUtcNow());
        try
        {
            var answer = await recommendation.GetResponse<RecommenderRolledBack, RecommenderRollbackRefused>(
                request, sent => sent.UseExecute(context => context.TimeToLive = null), http.RequestAborted, RequestTimeout.After(ms: (int)options.Value.RollbackWait.TotalMilliseconds));
            return answer.Message switch
            {
                RecommenderRolledBack done => Results.Ok(
                    new { rollbackId = request.EventId, fromVersion = done.FromVersion, toVersion = done.ToVersion, users = done.Users }),
                RecommenderRollbackRefused refused => Results.Problem(
                    statusCode: StatusCodes.Status409Conflict, title: "Rollback refused", detail: $"Rollback {request.EventId} changed nothing: {refused.Reason}"),
                var other => throw new InvalidOperationException($"Rollback {request.EventId} was answered with {other.GetType().Name}."),
            };
        }
        catch (RequestTimeoutException)
        {
            return Results.Accepted(value: new { rollbackId = request.EventId, requestedAt = request.OccurredAt });
        }
        catch (RequestFaultException fault)
        {
            return Results.Problem(
                statusCode: StatusCodes.Status502BadGateway, title: "Rollback failed in Recommendation",
                detail: $"Rollback {request.EventId}: {fault.Fault?.Exceptions.FirstOrDefault()?.Message ?? "Recommendation reported a failure"}");
        }
        catch (Exception unreachable) when (unreachable is not OperationCanceledException)
        {
            Log.RollbackNotSent(logger, request.EventId, unreachable);
            return Results.Problem(
                statusCode: StatusCodes.Status503ServiceUnavailable, title: "Bus unavailable", detail: "The rollback request could not be sent; try again.");
        }
    }
}
