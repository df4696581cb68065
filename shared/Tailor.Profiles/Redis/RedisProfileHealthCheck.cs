using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace Tailor.Profiles.Redis;

/// <summary>Ready when Redis answers a PING.</summary>
internal sealed class RedisProfileHealthCheck(IConnectionMultiplexer redis) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var latency = await redis.GetDatabase().PingAsync();
        return HealthCheckResult.Healthy($"Redis answers in {latency.TotalMilliseconds:F1} ms.");
    }
}
