using System.Collections.Concurrent;
using Tailor.Testing;

namespace Tailor.EndToEnd.Tests;

/// <summary>Collects messages the test's own bus endpoint receives, and waits until enough of them arrived.</summary>
public sealed class MessageCollector
{
    private readonly ConcurrentDictionary<Type, ConcurrentQueue<object>> _messages = new();

    public void Add<T>(T message)
        where T : class => _messages.GetOrAdd(typeof(T), _ => new ConcurrentQueue<object>()).Enqueue(message);

    public IReadOnlyList<T> All<T>() =>
        _messages.TryGetValue(typeof(T), out var queue) ? [.. queue.Cast<T>()] : [];

    public async Task<IReadOnlyList<T>> WaitForAsync<T>(Func<IReadOnlyList<T>, bool> enough, TimeSpan timeout, string what)
    {
        IReadOnlyList<T> received = [];
        if (await Polling.WithinAsync(() => enough(received = All<T>()), timeout))
        {
            return received;
        }

        throw new TimeoutException($"Waited {timeout.TotalSeconds:0} s for {what}; got {received.Count} {typeof(T).Name}.");
    }
}
