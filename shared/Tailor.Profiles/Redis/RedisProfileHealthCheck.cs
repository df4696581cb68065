using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace Tailor.Profiles.Redis;

/// <summary>
/// Ready when Redis answers a PING, and also while it does not: slice writes then go to the service's store and the
/// service keeps working, so taking it out of rotation would only add an outage. The description says which.
/// </summary>
internal sealed class RedisProfileHealthCheck(IConnectionMultiplexer redis, RedisOutage outage) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var latency = await redis.GetDatabase().PingAsync();
            return HealthCheckResult.Healthy(outage.IsDeferring
                ? $"Redis answers in {latency.TotalMilliseconds:F1} ms; deferred slice writes are being written."
                : $"Redis answers in {latency.TotalMilliseconds:F1} ms.");
        }
        catch (Exception exception) when (RedisOutage.IsOutage(exception))
        {
            return HealthCheckResult.Healthy(outage.IsDeferring
                ? $"Redis is unreachable (since {outage.Since:O}); slice writes are kept in the store until it is back."
                : "Redis is unreachable; slice writes will be kept in the store until it is back.");
        }
    }
}
