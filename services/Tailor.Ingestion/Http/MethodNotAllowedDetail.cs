using Microsoft.AspNetCore.Http;
using Tailor.Ingestion.Validation;

namespace Tailor.Ingestion.Http;

/// <summary>
/// Gives routing's own 405 a detail. A path some endpoint takes, asked with another method (<c>DELETE
/// /v1/admin/api-keys/</c> with the key id left out, <c>GET</c> of a resubscribe link), reaches no handler: routing
/// answers 405 with the methods it takes in <c>Allow</c>. The detail says which those are, so the caller need not read
/// the header.
/// </summary>
internal sealed class MethodNotAllowedDetail() : RoutingProblemDetail(StatusCodes.Status405MethodNotAllowed)
{
    protected override string DetailOf(HttpContext http)
    {
        var allowed = http.Response.Headers.Allow.ToString();
        return string.IsNullOrEmpty(allowed)
            ? $"{http.Request.Method} is not allowed on {Quoted.Short(http.Request.Path.Value)}; /openapi/v1.json lists what each path takes."
            : $"{http.Request.Method} is not allowed on {Quoted.Short(http.Request.Path.Value)}; it takes {allowed}.";
    }
}
