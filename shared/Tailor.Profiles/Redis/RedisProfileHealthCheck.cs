using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace Tailor.Profiles.Redis;

/// <summary>
/// Ready when Redis answers a PING, and also while it does not: slice writes then record a repair in the service's
/// store and the service keeps working, so taking it out of rotation would only add an outage. The description says which.
/// </summary>
internal sealed class RedisProfileHealthCheck(IConnectionMultiplexer redis) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var latency = await redis.GetDatabase().PingAsync();
            return HealthCheckResult.Healthy($"Redis answers in {latency.TotalMilliseconds:F1} ms.");
        }
        catch (Exception exception) when (RedisOutage.IsOutage(exception))
        {
            return HealthCheckResult.Healthy("Redis is unreachable; the slices written meanwhile are rebuilt from the store once it is back.");
        }
    }
}
