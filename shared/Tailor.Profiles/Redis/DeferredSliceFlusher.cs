using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using Tailor.Profiles.Diagnostics;
using Tailor.Profiles.Rebuild;

namespace Tailor.Profiles.Redis;

/// <summary>
/// Rebuilds the cache after a Redis outage: every <see cref="RedisProfileOptions.FlushInterval"/>, while writes are
/// deferred (or deferred ones are left from an earlier run), it writes them to Redis once it answers, then ends the
/// outage under the gate so new writes go straight to Redis again. It writes only the slices this process owns (those it
/// rebuilds: every slice owner registers a rebuilder) and those it deferred itself; another service's deferred writes
/// in a shared store are that service's to write, in its own order.
/// </summary>
internal sealed partial class DeferredSliceFlusher(
    RedisProfileCache cache,
    DeferredSlices deferred,
    IEnumerable<IProfileSliceRebuilder> ownedSlices,
    RedisOutage outage,
    ProfileMetrics metrics,
    IConnectionMultiplexer redis,
    IOptions<RedisProfileOptions> options,
    TimeProvider clock,
    ILogger<DeferredSliceFlusher> logger) : BackgroundService
{
    private readonly IReadOnlySet<string> _owned = ownedSlices.Select(rebuilder => rebuilder.SliceName).ToHashSet(StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // A process that stopped during an outage left its deferred writes in the store: they are flushed first.
        if (await deferred.ListAsync(_owned, stoppingToken).AnyAsync(stoppingToken))
        {
            outage.Begin(clock.GetUtcNow());
        }

        using var timer = new PeriodicTimer(options.Value.FlushInterval, clock);
        do
        {
            if (!outage.IsDeferring)
            {
                continue;
            }

            try
            {
                await redis.GetDatabase().PingAsync();
                var flushed = await FlushAsync(stoppingToken);
                await outage.Gate.WaitAsync(stoppingToken);
                try
                {
                    // The writes deferred while the pass above ran; nothing new can be deferred while the gate is held.
                    flushed += await FlushAsync(stoppingToken);
                    var since = outage.Since;
                    outage.End();
                    metrics.DeferredSlicesFlushed(flushed);
                    LogRecovered(logger, flushed, since);
                }
                finally
                {
                    outage.Gate.Release();
                }
            }
            catch (Exception exception) when (RedisOutage.IsOutage(exception))
            {
                LogStillDown(logger, exception.Message);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // A store blip must not stop the host: the deferred writes stay where they are for the next tick.
                LogFlushFailed(logger, exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task<int> FlushAsync(CancellationToken cancellationToken)
    {
        var count = 0;
        var slices = _owned.Concat(deferred.DeferredHere).ToHashSet(StringComparer.Ordinal);
        await foreach (var slice in deferred.ListAsync(slices, cancellationToken))
        {
            await cache.WriteJsonAsync(slice.UserId, slice.SliceName, slice.Json);
            await deferred.RemoveAsync(slice, cancellationToken);
            count++;
        }

        return count;
    }

    [LoggerMessage(EventId = 1501, Level = LogLevel.Information, Message = "Redis is back: wrote {Count} deferred profile slices (outage since {Since}).")]
    private static partial void LogRecovered(ILogger logger, int count, DateTimeOffset? since);

    [LoggerMessage(EventId = 1503, Level = LogLevel.Warning, Message = "Writing deferred profile slices failed; trying again on the next tick.")]
    private static partial void LogFlushFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1502, Level = LogLevel.Debug, Message = "Redis still unreachable; profile slices stay deferred: {Reason}")]
    private static partial void LogStillDown(ILogger logger, string reason);
}
