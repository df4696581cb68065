using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.Extensions.DependencyInjection;
using Tailor.Ingestion.Validation;

namespace Tailor.Ingestion.Http;

/// <summary>
/// Gives routing's own 415 a detail. An endpoint that declares the types it reads (<c>Accepts</c>) is never reached by
/// a body of another <c>Content-Type</c>: routing answers a bare 415; the detail says what to send instead.
/// </summary>
internal sealed class UnsupportedMediaTypeDetail() : RoutingProblemDetail(StatusCodes.Status415UnsupportedMediaType)
{
    protected override string DetailOf(HttpContext http)
    {
        var sent = string.IsNullOrEmpty(http.Request.ContentType) ? "no Content-Type" : $"Content-Type '{Quoted.Short(http.Request.ContentType)}'";
        var accepted = AcceptedTypes(http);
        return accepted.Count == 0
            ? $"The body is sent with {sent}, which this endpoint does not read; /openapi/v1.json lists what each endpoint takes."
            : $"The body is sent with {sent}; {http.Request.Method} {http.Request.Path} reads {string.Join(" or ", accepted)}.";
    }

    // Routing keeps no record of the endpoint it turned away, so the endpoints are matched again (only on a 415).
    private static IReadOnlyList<string> AcceptedTypes(HttpContext http)
    {
        var endpoints = http.RequestServices.GetService<EndpointDataSource>()?.Endpoints ?? [];
        foreach (var endpoint in endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<IAcceptsMetadata>() is not { } accepts
                || endpoint.Metadata.GetMetadata<IHttpMethodMetadata>() is { } methods && !methods.HttpMethods.Contains(http.Request.Method, StringComparer.OrdinalIgnoreCase))
            {
                continue;
            }

            var matcher = new TemplateMatcher(new RouteTemplate(endpoint.RoutePattern), []);
            if (matcher.TryMatch(http.Request.Path, []))
            {
                return accepts.ContentTypes;
            }
        }

        return [];
    }
}
