using Tailor.Testing.Processes;

namespace Tailor.Bench.Load;

/// <summary>
/// Where the work of a phase went (per-queue depth, and the CPU time of each service's processes), and a wait for
/// the pipeline to be idle: every queue of the virtual host empty with nothing unacknowledged, read with rabbitmqctl
/// (a passive declare sees only ready messages, not those a consumer in another process is still handling).
/// </summary>
internal sealed class QueueDrain(string rabbitMq, QueueSampler sampler, LoadHosts hosts)
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(15);

    private IReadOnlyDictionary<string, TimeSpan> _cpuAtStart = new Dictionary<string, TimeSpan>();

    public void BeginPhase()
    {
        sampler.BeginPhase();
        _cpuAtStart = hosts.ProcessorTimes();
    }

    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        hosts.ThrowIfAnyExited();
        await RabbitMqQueues.WaitUntilIdleAsync(rabbitMq, Patience, cancellationToken);
    }

    /// <summary>The phase so far: one row per service queue that held messages, and each service's CPU seconds.</summary>
    public PhaseLoad Snapshot()
    {
        var cpu = hosts.ProcessorTimes().ToDictionary(
            service => service.Key, service => (service.Value - _cpuAtStart.GetValueOrDefault(service.Key)).TotalSeconds, StringComparer.Ordinal);
        var queues = sampler.Depths
            .Where(queue => queue.Value.Max > 0)
            .Select(queue => new QueueLoad(Owner(queue.Key), queue.Key, queue.Value))
            .OrderBy(load => load.Service, StringComparer.Ordinal)
            .ThenBy(load => load.Queue, StringComparer.Ordinal)
            .ToList();
        return new PhaseLoad(queues, cpu);
    }

    // Tailor's queues are named tailor-{service}-...: tailor-send-time-consumers-..., tailor-ingestion-webhooks-...
    private static string Owner(string queue) =>
        Tailor.Host.Hosting.ServiceTargets.Names.FirstOrDefault(name => queue.Replace("-", string.Empty, StringComparison.Ordinal).StartsWith("tailor" + name, StringComparison.OrdinalIgnoreCase)) ?? "?";
}

internal sealed record QueueLoad(string Service, string Queue, QueueDepth Depth);

/// <param name="CpuSeconds">CPU seconds each service's processes used during the phase, by service.</param>
internal sealed record PhaseLoad(IReadOnlyList<QueueLoad> Queues, IReadOnlyDictionary<string, double> CpuSeconds);
