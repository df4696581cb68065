using System.Collections.Concurrent;
using System.Diagnostics;
using RabbitMQ.Client;

namespace Tailor.Bench.Load;

/// <summary>
/// Each service queue's depth once a second (a passive declare, as Tailor's own queue gauge does; no management plugin
/// needed): how deep it got and when it was last seen non-empty, since the phase began. The queue that stays full
/// longest is the service the pipeline waits for.
/// </summary>
internal sealed class QueueSampler(Uri broker, Func<IReadOnlyCollection<string>> queues) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, QueueDepth> _depths = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();
    private Task? _loop;
    private long _phaseStart = Stopwatch.GetTimestamp();

    public void Start() => _loop = Task.Run(() => LoopAsync(_stop.Token));

    /// <summary>Forgets what was seen so far: the next phase is measured from now.</summary>
    public void BeginPhase()
    {
        _phaseStart = Stopwatch.GetTimestamp();
        _depths.Clear();
    }

    public IReadOnlyDictionary<string, QueueDepth> Depths => new Dictionary<string, QueueDepth>(_depths, StringComparer.Ordinal);

    private async Task LoopAsync(CancellationToken cancellationToken)
    {
        await using var connection = await new ConnectionFactory { Uri = broker, ClientProvidedName = "tailor-load-bench-sampler" }.CreateConnectionAsync(cancellationToken);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                var seconds = Stopwatch.GetElapsedTime(_phaseStart).TotalSeconds;
                foreach (var queue in queues())
                {
                    var messages = (await channel.QueueDeclarePassiveAsync(queue, cancellationToken)).MessageCount;
                    _depths.AddOrUpdate(
                        queue,
                        _ => new QueueDepth(messages, messages > 0 ? seconds : 0),
                        (_, seen) => new QueueDepth(Math.Max(seen.Max, messages), messages > 0 ? seconds : seen.LastBackedUpAt));
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_loop is not null)
        {
            await _loop;
        }

        _stop.Dispose();
    }
}

/// <param name="LastBackedUpAt">Seconds after the phase began at which the queue was last seen holding messages (0: never).</param>
internal sealed record QueueDepth(uint Max, double LastBackedUpAt);
