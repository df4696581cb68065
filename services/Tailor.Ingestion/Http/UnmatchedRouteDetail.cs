using Microsoft.AspNetCore.Http;
using Tailor.Ingestion.Links;
using Tailor.Ingestion.Validation;

namespace Tailor.Ingestion.Http;

/// <summary>
/// Gives routing's own 404 under <c>/v1</c> and on the links in emails a detail. A path no endpoint takes reaches no
/// handler: status code pages answer a problem titled "Not Found" and nothing more, which a caller cannot tell from a
/// 404 about the thing it named (an unknown campaign, a user with no data). The detail says it is the path, and where
/// the paths are listed; under <c>/c</c> and <c>/u</c>, what a whole link from an email looks like (a browser gets the
/// link's page instead). Other paths keep the bare problem.
/// </summary>
internal sealed class UnmatchedRouteDetail() : RoutingProblemDetail(StatusCodes.Status404NotFound)
{
    private const string ApiPrefix = "/v1";

    protected override string? DetailOf(HttpContext http)
    {
        // A 404 of an endpoint (an unknown campaign) carries its own detail, or chose to have none.
        if (http.GetEndpoint() is not null)
        {
            return null;
        }

        var method = http.Request.Method;
        if (http.Request.Path.StartsWithSegments(ApiPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return $"No endpoint answers {method} {Quoted.Short(http.Request.Path.Value)}; /openapi/v1.json lists the API's endpoints (/scalar/ in a browser).";
        }

        // A link cut short or mangled on its way out of an email (its id left out, dots in its place): named as sent,
        // since the path routed may be another.
        return LinkAnswers.IsLinkPath(http.Request)
            ? $"No link answers {method} {Quoted.Short(LinkAnswers.SentPath(http)?.Value)}; Tailor's links are " +
              "/c/{emailId}/{itemId}?s=… and /u/{emailId}?s=…: copy the whole link from the email."
            : null;
    }
}
