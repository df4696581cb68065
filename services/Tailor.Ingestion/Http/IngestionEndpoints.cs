using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tailor.Ingestion.ApiReference;
using Tailor.Ingestion.Security;
using Tailor.ServiceDefaults;

namespace Tailor.Ingestion.Http;

/// <summary>Ingestion's HTTP API under <c>/v1</c>, mapped by the host: one group per API-key scope, each rate limited per key.</summary>
internal sealed class IngestionEndpoints : IEndpointModule
{
    private const string Json = "application/json";

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        var events = Scoped(endpoints, ApiScopes.Events, "Events");
        events.MapPost("/track", SegmentEndpoints.TrackAsync).WithSummary("Segment track: something a user did")
            .Accepts<TrackDocument>(Json).Produces<AcceptedDocument>();
        events.MapPost("/identify", SegmentEndpoints.IdentifyAsync).WithSummary("Segment identify: who a user is, their traits and consent")
            .Accepts<IdentifyDocument>(Json).Produces<AcceptedDocument>();
        events.MapPost("/page", SegmentEndpoints.PageAsync).WithSummary("Segment page: a page the user saw")
            .Accepts<PageDocument>(Json).Produces<AcceptedDocument>();
        events.MapPost("/screen", SegmentEndpoints.ScreenAsync).WithSummary("Segment screen: a screen of a mobile app the user saw, taken as a page view")
            .Accepts<ScreenDocument>(Json).Produces<AcceptedDocument>();
        events.MapPost("/group", SegmentEndpoints.GroupAsync).WithSummary("Segment group: the user belongs to a group (an account), with the group's traits")
            .Accepts<GroupDocument>(Json).Produces<AcceptedDocument>();
        events.MapPost("/alias", SegmentEndpoints.AliasAsync).WithSummary("Segment alias: an anonymous id is this user; their earlier activity becomes the user's")
            .Accepts<AliasDocument>(Json).Produces<AcceptedDocument>();
        events.MapPost("/batch", SegmentEndpoints.BatchAsync).WithSummary("Segment batch: many calls in one request")
            .Accepts<BatchDocument>(Json).Produces<BatchAcceptedDocument>();

        Scoped(endpoints, ApiScopes.Catalog, "Catalog")
            .MapPost("/catalog", CatalogEndpoint.UpsertAsync).WithSummary("Create or change catalog items")
            .Accepts<CatalogDocument>(Json).Produces<AcceptedDocument>();
        Scoped(endpoints, ApiScopes.Campaigns, "Campaigns")
            .MapPost("/campaigns", CampaignEndpoint.RequestAsync).WithSummary("Ask for a campaign; emails are written afterwards")
            .Accepts<CampaignDocument>(Json).Produces<CampaignAcceptedDocument>(StatusCodes.Status202Accepted);
    }

    // Every body is validated field by field (400 naming each), size-capped (413, after decompression too), read only in
    // the codings RequestBody undoes (415 otherwise), and stored then published (503 when that fails).
    private static RouteGroupBuilder Scoped(IEndpointRouteBuilder endpoints, string scope, string tag) =>
        endpoints.MapGroup("/v1")
            .WithTags(tag)
            .RequireApiScope(scope)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
}
