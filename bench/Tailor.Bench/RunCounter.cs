using MassTransit;
using Tailor.Contracts;

namespace Tailor.Bench;

/// <summary>A consumer on its own auto-deleted queue that counts one run's activities and says when it has them all.</summary>
internal sealed class RunCounter(string run, int expected)
{
    private readonly TaskCompletionSource _all = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public Task All => _all.Task;

    public async Task<IBusControl> StartAsync(string rabbitMq, CancellationToken cancellationToken)
    {
        var bus = Bus.Factory.CreateUsingRabbitMq(rabbit =>
        {
            rabbit.Host(new Uri(rabbitMq));
            rabbit.ReceiveEndpoint($"bench-{run}", endpoint =>
            {
                endpoint.AutoDelete = true;
                endpoint.Durable = false;
                endpoint.PrefetchCount = 500;
                endpoint.Handler<UserActivityTracked>(context =>
                {
                    if (context.Message.Properties.TryGetValue("bench_run", out var tag) && tag == run && Interlocked.Increment(ref _count) == expected)
                    {
                        _all.TrySetResult();
                    }

                    return Task.CompletedTask;
                });
            });
        });
        await bus.StartAsync(cancellationToken);
        return bus;
    }
}
