using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Tailor.Profiles.Diagnostics;
using Tailor.Profiles.Redis;

namespace Tailor.Profiles.Rebuild;

/// <summary>
/// The one way a slice gets back into the profile cache after the cache lost it or failed to take it: at start, and
/// then on every check of <see cref="ProfileRebuildSchedule"/>, each slice this process owns is rebuilt from the
/// service's store when its completion marker is missing (a cache emptied, restarted or replaced) or a repair of it is
/// pending in the store (<see cref="SliceRepairs"/>: writes that failed while Redis was unreachable, in this process or
/// any other of the service's). One replica rebuilds it (the one that claims it), then marks it complete and completes
/// the repair it read before starting.
/// </summary>
/// <remarks>
/// A consumer that updates a user while the rebuild is writing that user's slice does not lose its update: the
/// rebuilders read each user's version again after writing the slice and write the newer state's slice when it moved.
/// The marker is written after the rebuild, and only while the claim is still in the cache, so a process stopped half
/// way, or a cache emptied during the rebuild, leaves the slice to be rebuilt again; a repair is completed only if no
/// write failed after it was read, so a failure during the rebuild (perhaps for a user already passed) leaves it
/// pending for the next check.
/// </remarks>
internal sealed partial class ProfileRebuildMonitor(
    IEnumerable<IProfileSliceRebuilder> rebuilders,
    IProfileCacheMarkers markers,
    SliceRepairs repairs,
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
        var slice = rebuilder.SliceName;
        try
        {
            // The cache first: while it is away there is nothing to rebuild into.
            if (await markers.IsCompleteAsync(slice, cancellationToken) && await repairs.FindPendingAsync(slice, cancellationToken) is null)
            {
                return;
            }

            await using var claim = await markers.TryClaimRebuildAsync(slice, cancellationToken);
            if (claim is null)
            {
                return;
            }

            // Read again under the claim, before the store is: another replica may have just finished, and a write
            // that fails from here on stores a newer repair, which the completion below then leaves pending.
            var repair = await repairs.FindPendingAsync(slice, cancellationToken);
            if (repair is null && await markers.IsCompleteAsync(slice, cancellationToken))
            {
                return;
            }

            var elapsed = Stopwatch.StartNew();
            var written = await rebuilder.RebuildAsync(cancellationToken);
            metrics.SlicesRebuilt(slice, written);
            if (!await claim.MarkCompleteAsync(cancellationToken))
            {
                LogLostDuringRebuild(logger, slice);
                return;
            }

            if (repair is not null && !await repairs.TryCompleteAsync(repair, cancellationToken))
            {
                LogFailedDuringRebuild(logger, slice);
            }

            var reason = repair is null ? "had lost them" : "failed to take writes of them";
            if (written == 0)
            {
                // Every fresh start of an empty deployment lands here once per slice: nothing an operator needs to see.
                LogNothingRebuilt(logger, slice, reason);
            }
            else
            {
                LogRebuilt(logger, written, slice, elapsed.Elapsed.TotalSeconds, reason);
            }
        }
        catch (Exception exception) when (RedisOutage.IsOutage(exception))
        {
            // Redis is away: the marker and the repair are checked again once it answers.
            LogCacheAway(logger, slice, exception.Message);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            // A store that failed mid-way: no marker written and the repair still pending, so the next check tries again.
            LogRebuildFailed(logger, slice, exception);
        }
    }

    [LoggerMessage(EventId = 9201, Level = LogLevel.Information, Message = "Rebuilt {Count} '{Slice}' profile slices from the store in {Seconds:F1} s: the profile cache {Reason}.")]
    private static partial void LogRebuilt(ILogger logger, int count, string slice, double seconds, string reason);

    [LoggerMessage(EventId = 9206, Level = LogLevel.Debug, Message = "The store holds no '{Slice}' profile slices to rebuild: the profile cache {Reason}.")]
    private static partial void LogNothingRebuilt(ILogger logger, string slice, string reason);

    [LoggerMessage(EventId = 9205, Level = LogLevel.Information, Message = "A write of the '{Slice}' profile slices failed while they were rebuilt; the next check rebuilds them again.")]
    private static partial void LogFailedDuringRebuild(ILogger logger, string slice);

    [LoggerMessage(EventId = 9204, Level = LogLevel.Warning, Message = "The profile cache lost its '{Slice}' slices again while they were rebuilt; the next check rebuilds them again.")]
    private static partial void LogLostDuringRebuild(ILogger logger, string slice);

    [LoggerMessage(EventId = 9202, Level = LogLevel.Debug, Message = "Could not check the '{Slice}' profile slices: the cache is unreachable ({Reason}).")]
    private static partial void LogCacheAway(ILogger logger, string slice, string reason);

    [LoggerMessage(EventId = 9203, Level = LogLevel.Warning, Message = "Rebuilding the '{Slice}' profile slices failed; the next check tries again.")]
    private static partial void LogRebuildFailed(ILogger logger, string slice, Exception exception);
}
