using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Tailor.Ingestion.Validation;

namespace Tailor.Ingestion.Http;

/// <summary>
/// Gives routing's own 405 a detail. A path some endpoint takes, asked with another method (<c>DELETE
/// /v1/admin/api-keys/</c> with the key id left out, <c>GET</c> of a resubscribe link), reaches no handler: routing
/// answers 405 with the methods it takes in <c>Allow</c>, and status code pages a problem with a title alone. The detail
/// says which methods those are, so the caller need not read the header.
/// </summary>
internal sealed class MethodNotAllowedDetail : IConfigureOptions<ProblemDetailsOptions>
{
    public void Configure(ProblemDetailsOptions options)
    {
        var earlier = options.CustomizeProblemDetails;
        options.CustomizeProblemDetails = context =>
        {
            earlier?.Invoke(context);
            if (context.ProblemDetails.Status == StatusCodes.Status405MethodNotAllowed && context.ProblemDetails.Detail is null)
            {
                var http = context.HttpContext;
                var allowed = http.Response.Headers.Allow.ToString();
                context.ProblemDetails.Detail = string.IsNullOrEmpty(allowed)
                    ? $"{http.Request.Method} is not allowed on {Quoted.Short(http.Request.Path.Value)}; /openapi/v1.json lists what each path takes."
                    : $"{http.Request.Method} is not allowed on {Quoted.Short(http.Request.Path.Value)}; it takes {allowed}.";
            }
        };
    }
}
