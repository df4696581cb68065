using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Tailor.SampleSender.Scheduling;

/// <summary>
/// Every <see cref="SampleSenderOptions.PollInterval"/> (and once at start, for what was parked before a restart),
/// sends the parked emails that have come due back to the sender's queue.
/// </summary>
public sealed partial class ScheduledEmailDispatcher(
    ScheduledEmails scheduled,
    IOptions<SampleSenderOptions> options,
    TimeProvider clock,
    ILogger<ScheduledEmailDispatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PollInterval, clock);
        do
        {
            try
            {
                var handed = await scheduled.HandOverDueAsync(clock.GetUtcNow(), options.Value.MaxHold, stoppingToken);
                if (handed > 0)
                {
                    HandedOver(logger, handed);
                }
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                // The store or the broker is down: what is parked stays parked, and the next tick tries again.
                HandOverFailed(logger, exception);
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(EventId = 7201, Level = LogLevel.Information, Message = "Sent {Count} parked emails that came due back to the sender's queue")]
    private static partial void HandedOver(ILogger logger, int count);

    [LoggerMessage(EventId = 7202, Level = LogLevel.Warning, Message = "Could not hand parked emails back to the queue; trying again at the next poll")]
    private static partial void HandOverFailed(ILogger logger, Exception exception);
}
