using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Tailor.Ingestion.Http;

/// <summary>
/// Gives one status of routing's own answers a detail. Routing answers a request no handler takes (a 404, 405 or 415)
/// with a bare status, which status code pages turn into a problem with a title and nothing that says what to do.
/// </summary>
internal abstract class RoutingProblemDetail(int status) : IConfigureOptions<ProblemDetailsOptions>
{
    public void Configure(ProblemDetailsOptions options)
    {
        var earlier = options.CustomizeProblemDetails;
        options.CustomizeProblemDetails = context =>
        {
            earlier?.Invoke(context);
            if (context.ProblemDetails.Status == status && context.ProblemDetails.Detail is null)
            {
                context.ProblemDetails.Detail = DetailOf(context.HttpContext);
            }
        };
    }

    /// <returns>The detail, or null to leave the problem as it is.</returns>
    protected abstract string? DetailOf(HttpContext http);
}
