using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Tailor.Ingestion.Http;

/// <summary>Turns a store or bus failure into 503, never 2xx: the caller must not believe something was kept that was not.</summary>
internal static class StoreFailures
{
    private const string RetryAfterSeconds = "5";

    public static async Task<IResult> AnswerAsync(HttpContext http, ILogger logger, Func<CancellationToken, Task<IResult>> accept)
    {
        try
        {
            return await accept(http.RequestAborted);
        }
        catch (Exception failure) when (!http.RequestAborted.IsCancellationRequested)
        {
            Log.AcceptFailed(logger, http.Request.Path.ToString(), failure);
            http.Response.Headers.RetryAfter = RetryAfterSeconds;
            return IngestionResults.Unavailable();
        }
    }
}
