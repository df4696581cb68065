using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Tailor.Ingestion.Security;

/// <summary>
/// A token bucket per API key, counting requests (a batch of 1,000 events is one request), so one noisy client cannot
/// starve the others. A refusal is a 429 problem detail with <c>Retry-After</c>.
/// </summary>
internal static class PerKeyRateLimit
{
    public const string PolicyName = "per-api-key";

    public static IServiceCollection AddPerKeyRateLimit(this IServiceCollection services) =>
        services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(PolicyName, Partition);
            limiter.OnRejected = RejectAsync;
        });

    private static RateLimitPartition<string> Partition(HttpContext http)
    {
        // Requests without a key are refused by authorization before they get here; webhooks share one bucket per address.
        var partition = http.User.FindFirst(ApiKeyAuthenticationHandler.KeyIdClaimType)?.Value
            ?? $"address:{http.Connection.RemoteIpAddress}";
        var limits = http.RequestServices.GetRequiredService<IOptions<IngestionOptions>>().Value;
        return RateLimitPartition.GetTokenBucketLimiter(partition, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = limits.RateLimitBurst,
            TokensPerPeriod = limits.RateLimitPerSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var http = rejected.HttpContext;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails =
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests",
                Detail = $"This API key sent more requests than its rate limit allows. Retry after {seconds} s; batch events to send more per request.",
            },
        });
    }
}
