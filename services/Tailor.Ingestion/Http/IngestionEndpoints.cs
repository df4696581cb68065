using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tailor.Ingestion.Security;
using Tailor.ServiceDefaults;

namespace Tailor.Ingestion.Http;

/// <summary>Ingestion's HTTP API under <c>/v1</c>, mapped by the host: one group per API-key scope, each rate limited per key.</summary>
internal sealed class IngestionEndpoints : IEndpointModule
{
    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        var events = Scoped(endpoints, ApiScopes.Events, "Events");
        events.MapPost("/track", SegmentEndpoints.TrackAsync).WithSummary("Segment track: something a user did");
        events.MapPost("/identify", SegmentEndpoints.IdentifyAsync).WithSummary("Segment identify: who a user is, their traits and consent");
        events.MapPost("/page", SegmentEndpoints.PageAsync).WithSummary("Segment page: a page the user saw");
        events.MapPost("/alias", SegmentEndpoints.AliasAsync).WithSummary("Segment alias: an anonymous id is this user; their earlier activity becomes the user's");
        events.MapPost("/batch", SegmentEndpoints.BatchAsync).WithSummary("Segment batch: many calls in one request");

        Scoped(endpoints, ApiScopes.Catalog, "Catalog")
            .MapPost("/catalog", CatalogEndpoint.UpsertAsync).WithSummary("Create or change catalog items");
        Scoped(endpoints, ApiScopes.Campaigns, "Campaigns")
            .MapPost("/campaigns", CampaignEndpoint.RequestAsync).WithSummary("Ask for a campaign; emails are written afterwards")
            .Produces(StatusCodes.Status202Accepted);
    }

    private static RouteGroupBuilder Scoped(IEndpointRouteBuilder endpoints, string scope, string tag) =>
        endpoints.MapGroup("/v1")
            .WithTags(tag)
            .RequireAuthorization(scope)
            .RequireRateLimiting(PerKeyRateLimit.PolicyName)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
}
