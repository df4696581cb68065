using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Tailor.Profiles.Diagnostics;
using Tailor.Profiles.Redis;

namespace Tailor.Profiles.Rebuild;

/// <summary>
/// Notices a profile cache that lost its data and writes this process's slices back from its stores: at start, and
/// then on every check of <see cref="ProfileRebuildSchedule"/>, each slice whose marker is missing is rebuilt by one
/// replica (the one that claims it) and marked complete afterwards. The deferred writes of a Redis outage are a
/// different matter (<see cref="DeferredSliceFlusher"/>): those are writes Redis never saw, this is data Redis lost.
/// </summary>
/// <remarks>
/// A consumer that updates a user while the rebuild is writing that user's slice can be overwritten by the slice the
/// rebuild read just before; that user's slice is then one update old until their next event (the rebuilders read
/// again under the user's lock where the service has one). The marker is written after the rebuild, and only while
/// the claim is still in the cache, so a process stopped half way, or a cache emptied during the rebuild, leaves the
/// slice to be rebuilt again.
/// </remarks>
internal sealed partial class ProfileRebuildMonitor(
    IEnumerable<IProfileSliceRebuilder> rebuilders,
    IProfileCacheMarkers markers,
    ProfileRebuildSchedule schedule,
    ProfileMetrics metrics,
    TimeProvider clock,
    ILogger<ProfileRebuildMonitor> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var owned = rebuilders.ToList();
        if (owned.Count == 0)
        {
            return;
        }

        using var timer = new PeriodicTimer(schedule.CheckInterval, clock);
        do
        {
            foreach (var rebuilder in owned)
            {
                await CheckAsync(rebuilder, stoppingToken);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task CheckAsync(IProfileSliceRebuilder rebuilder, CancellationToken cancellationToken)
    {
        try
        {
            if (await markers.IsCompleteAsync(rebuilder.SliceName, cancellationToken))
            {
                return;
            }

            await using var claim = await markers.TryClaimRebuildAsync(rebuilder.SliceName, cancellationToken);

            // Checked again under the claim: another replica may have completed the rebuild just before we claimed it.
            if (claim is null || await markers.IsCompleteAsync(rebuilder.SliceName, cancellationToken))
            {
                return;
            }

            var elapsed = Stopwatch.StartNew();
            var written = await rebuilder.RebuildAsync(cancellationToken);
            metrics.SlicesRebuilt(rebuilder.SliceName, written);
            if (await claim.MarkCompleteAsync(cancellationToken))
            {
                LogRebuilt(logger, written, rebuilder.SliceName, elapsed.Elapsed.TotalSeconds);
            }
            else
            {
                LogLostDuringRebuild(logger, rebuilder.SliceName);
            }
        }
        catch (Exception exception) when (RedisOutage.IsOutage(exception))
        {
            // Redis is away: the outage handling has it; the marker is checked again once it answers.
            LogCacheAway(logger, rebuilder.SliceName, exception.Message);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            // A store that failed mid-way: the marker stays missing, so the next check tries the whole rebuild again.
            LogRebuildFailed(logger, rebuilder.SliceName, exception);
        }
    }

    [LoggerMessage(EventId = 1511, Level = LogLevel.Information, Message = "Rebuilt {Count} '{Slice}' profile slices from the store in {Seconds:F1} s: the profile cache did not have them.")]
    private static partial void LogRebuilt(ILogger logger, int count, string slice, double seconds);

    [LoggerMessage(EventId = 1514, Level = LogLevel.Warning, Message = "The profile cache lost its '{Slice}' slices again while they were rebuilt; the next check rebuilds them again.")]
    private static partial void LogLostDuringRebuild(ILogger logger, string slice);

    [LoggerMessage(EventId = 1512, Level = LogLevel.Debug, Message = "Could not check the '{Slice}' profile slices: the cache is unreachable ({Reason}).")]
    private static partial void LogCacheAway(ILogger logger, string slice, string reason);

    [LoggerMessage(EventId = 1513, Level = LogLevel.Warning, Message = "Rebuilding the '{Slice}' profile slices failed; the next check tries again.")]
    private static partial void LogRebuildFailed(ILogger logger, string slice, Exception exception);
}
