using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Tailor.Ingestion.Validation;

namespace Tailor.Ingestion.Http;

/// <summary>
/// Gives routing's own 404 under <c>/v1</c> a detail. A path no endpoint takes reaches no handler: status code pages
/// answer a problem titled "Not Found" and nothing more, which a caller cannot tell from a 404 about the thing it named
/// (an unknown campaign, a user with no data). The detail says it is the path, and where the paths are listed. Other
/// paths keep the bare problem (or, for the links in emails, their page).
/// </summary>
internal sealed class UnmatchedRouteDetail : IConfigureOptions<ProblemDetailsOptions>
{
    private const string ApiPrefix = "/v1";

    public void Configure(ProblemDetailsOptions options)
    {
        var earlier = options.CustomizeProblemDetails;
        options.CustomizeProblemDetails = context =>
        {
            earlier?.Invoke(context);
            var http = context.HttpContext;
            if (context.ProblemDetails.Status == StatusCodes.Status404NotFound
                && context.ProblemDetails.Detail is null
                && http.GetEndpoint() is null
                && http.Request.Path.StartsWithSegments(ApiPrefix, StringComparison.OrdinalIgnoreCase))
            {
                context.ProblemDetails.Detail =
                    $"No endpoint answers {http.Request.Method} {Quoted.Short(http.Request.Path.Value)}; " +
                    "/openapi/v1.json lists the API's endpoints (/scalar/ in a browser).";
            }
        };
    }
}
