namespace Tailor.Bench.Load;

/// <summary>Where the work of a phase went (per-queue depth and consumer time), and a wait for the pipeline to be idle.</summary>
internal sealed class QueueDrain(QueueSampler sampler, ConsumerMeter meter)
{
    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(15);

    public void BeginPhase()
    {
        sampler.BeginPhase();
        meter.BeginPhase();
    }

    /// <summary>Every service queue empty and no consumer finished a message for <see cref="Quiet"/>.</summary>
    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Patience);
        while (true)
        {
            var depths = await sampler.ReadNowAsync(timeout.Token);
            if (depths.Values.All(depth => depth == 0) && meter.SinceLastActivity > Quiet)
            {
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), timeout.Token);
        }
    }

    /// <summary>The phase so far, one row per service queue that received anything.</summary>
    public IReadOnlyList<QueueLoad> Snapshot()
    {
        var totals = meter.Totals;
        var depths = sampler.Depths;
        return [.. meter.ServiceQueues
            .Select(queue => new QueueLoad(
                Owner(queue),
                queue,
                totals.GetValueOrDefault(queue),
                depths.GetValueOrDefault(queue)))
            .Where(load => load.Consumed is { Messages: > 0 })
            .OrderBy(load => load.Service, StringComparer.Ordinal)
            .ThenBy(load => load.Queue, StringComparer.Ordinal)];
    }

    // Tailor's queues are named tailor-{service}-...: tailor-send-time-consumers-..., tailor-ingestion-webhooks-...
    private static string Owner(string queue) =>
        Tailor.Host.Hosting.ServiceTargets.Names.FirstOrDefault(name => queue.Replace("-", string.Empty, StringComparison.Ordinal).StartsWith("tailor" + name, StringComparison.OrdinalIgnoreCase)) ?? "?";
}

internal sealed record QueueLoad(string Service, string Queue, ConsumerTotals? Consumed, QueueDepth? Depth);
