using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Tailor.Ingestion.Http;

/// <summary>
/// Turns a store or bus failure into 503, never 2xx: the caller must not believe something was kept that was not.
/// Accepting is bounded by <see cref="IngestionOptions.AcceptTimeout"/>, because a publish to a broker that is down waits
/// for it to come back, and a caller is better served by a quick 503 and its own retry than by a hung request.
/// </summary>
internal static class StoreFailures
{
    private const string RetryAfterSeconds = "5";

    /// <param name="unavailable">The 503 answer, when not problem details (a page for a browser); its <c>Retry-After</c> is set here.</param>
    public static async Task<IResult> AnswerAsync(
        HttpContext http, ILogger logger, Func<CancellationToken, Task<IResult>> accept, Func<IResult>? unavailable = null)
    {
        var timeout = http.RequestServices.GetRequiredService<IOptions<IngestionOptions>>().Value.AcceptTimeout;
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
        bounded.CancelAfter(timeout);
        try
        {
            return await accept(bounded.Token);
        }
        catch (Exception failure) when (!http.RequestAborted.IsCancellationRequested)
        {
            Log.AcceptFailed(logger, http.Request.Path.ToString(), failure);
            http.Response.Headers.RetryAfter = RetryAfterSeconds;
            return unavailable?.Invoke() ?? IngestionResults.Unavailable();
        }
    }
}
