using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tailor.ServiceDefaults;

namespace Tailor.Ingestion.Http;

/// <summary>Ingestion's HTTP API under <c>/v1</c>, mapped by the host.</summary>
internal sealed class IngestionEndpoints : IEndpointModule
{
    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        var v1 = endpoints.MapGroup("/v1").WithTags("Ingestion");
        v1.MapPost("/track", SegmentEndpoints.TrackAsync);
        v1.MapPost("/identify", SegmentEndpoints.IdentifyAsync);
        v1.MapPost("/batch", SegmentEndpoints.BatchAsync);
        v1.MapPost("/catalog", CatalogEndpoint.UpsertAsync);
        v1.MapPost("/campaigns", CampaignEndpoint.RequestAsync);
    }
}
