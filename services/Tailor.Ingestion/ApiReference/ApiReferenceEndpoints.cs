using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Scalar.AspNetCore;
using Tailor.ServiceDefaults;

namespace Tailor.Ingestion.ApiReference;

/// <summary>Serves the OpenAPI document and the Scalar reference, anonymously: they describe the API, they reveal no data.</summary>
internal sealed class ApiReferenceEndpoints : IEndpointModule
{
    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapOpenApi().AllowAnonymous();
        endpoints.MapScalarApiReference(options => options.WithTitle("Tailor Ingestion API")).AllowAnonymous();
    }
}
