using System.Collections.Concurrent;

namespace Tailor.Messaging.Tests;

/// <summary>
/// What the consumers of one test host received, and which consumer received it. A singleton per host, so a test
/// running two hosts can tell which host (and which service) handled each message.
/// </summary>
public sealed class Received<T>
    where T : class
{
    private readonly ConcurrentQueue<(Type Consumer, T Message)> _messages = new();

    public void Add(object consumer, T message) => _messages.Enqueue((consumer.GetType(), message));

    public IReadOnlyList<T> By<TConsumer>() =>
        _messages.Where(entry => entry.Consumer == typeof(TConsumer)).Select(entry => entry.Message).ToList();
}
