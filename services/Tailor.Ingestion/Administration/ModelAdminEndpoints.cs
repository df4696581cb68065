using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
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
            .Produces(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
    }

    // The request goes to Recommendation over the bus; whether it could roll back (is there a previous model?) comes
    // back as RecommenderRolledBack, or as a Fault in its _error queue.
    private static async Task<IResult> RollBackAsync(HttpContext http, IPublishEndpoint bus, TimeProvider time)
    {
        var request = new RecommenderRollbackRequested(NewId.NextGuid(), time.GetUtcNow());
        try
        {
            await bus.Publish(request, http.RequestAborted);
        }
        catch (Exception unreachable) when (unreachable is not OperationCanceledException)
        {
            return Results.Problem(
                statusCode: StatusCodes.Status503ServiceUnavailable, title: "Bus unavailable", detail: "The rollback request could not be sent; try again.");
        }

        return Results.Accepted(value: new { rollbackId = request.EventId, requestedAt = request.OccurredAt });
    }
}
