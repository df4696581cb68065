using System.Collections.Concurrent;
using MassTransit;

namespace Tailor.Messaging.Diagnostics;

/// <summary>The queues this process consumes from, learnt as its receive endpoints come up: the ones its gauges report.</summary>
public sealed class QueueDepthEndpoints : IReceiveEndpointObserver
{
    private readonly ConcurrentDictionary<string, byte> _queues = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> Queues => [.. _queues.Keys];

    public Task Ready(ReceiveEndpointReady ready)
    {
        ArgumentNullException.ThrowIfNull(ready);
        // rabbitmq://host/vhost/queue?options: the queue is the last path segment.
        var queue = ready.InputAddress.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries).LastOrDefault();
        if (!string.IsNullOrEmpty(queue))
        {
            _queues.TryAdd(Uri.UnescapeDataString(queue), 0);
        }

        return Task.CompletedTask;
    }

    public Task Stopping(ReceiveEndpointStopping stopping) => Task.CompletedTask;

    public Task Completed(ReceiveEndpointCompleted completed) => Task.CompletedTask;

    public Task Faulted(ReceiveEndpointFaulted faulted) => Task.CompletedTask;
}
