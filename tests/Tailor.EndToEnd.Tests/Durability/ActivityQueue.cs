using System.Collections.Concurrent;
using MassTransit;
using Tailor.Contracts;

namespace Tailor.EndToEnd.Tests.Durability;

/// <summary>
/// A downstream service's durable queue of <c>UserActivityTracked</c>: bound once, then read later, as a service that was
/// down while events arrived would. Counts deliveries per event id, so duplicates show.
/// </summary>
internal sealed class ActivityQueue(string amqpUri, string queueName)
{
    public ConcurrentDictionary<Guid, int> Deliveries { get; } = new();

    public ConcurrentDictionary<string, byte> Sequences { get; } = new();

    /// <summary>Starts a bus consuming the queue; dispose the returned handle to stop it (the queue stays).</summary>
    public async Task<IAsyncDisposable> ConsumeAsync(CancellationToken cancellationToken)
    {
        var bus = Bus.Factory.CreateUsingRabbitMq(rabbit =>
        {
            rabbit.Host(new Uri(amqpUri));
            rabbit.ReceiveEndpoint(queueName, endpoint => endpoint.Handler<UserActivityTracked>(context =>
            {
                Deliveries.AddOrUpdate(context.Message.EventId, 1, (_, count) => count + 1);
                if (context.Message.Properties.TryGetValue("burst_seq", out var sequence))
                {
                    Sequences.TryAdd(sequence, 0);
                }

                return Task.CompletedTask;
            }));
        });
        await bus.StartAsync(cancellationToken);
        return new Running(bus);
    }

    private sealed class Running(IBusControl bus) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await bus.StopAsync(CancellationToken.None);
    }
}
