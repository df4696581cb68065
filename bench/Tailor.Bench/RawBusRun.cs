using System.Diagnostics;
using MassTransit;
using Tailor.Messaging;

namespace Tailor.Bench;

/// <summary>
/// The baseline: the same activities published straight through MassTransit to the same broker (publisher confirms on,
/// as in Tailor), by the same number of concurrent workers, each publishing a batch at a time; a consumer counts them.
/// </summary>
internal static class RawBusRun
{
    public static async Task<RunResult> RunAsync(BenchOptions options, string run, TextWriter progress, CancellationToken cancellationToken)
    {
        var counter = new RunCounter(run, options.Events);
        var consumer = await counter.StartAsync(options.RabbitMq, cancellationToken);
        var bus = Bus.Factory.CreateUsingRabbitMq(rabbit =>
        {
            rabbit.Host(new Uri(options.RabbitMq));
            rabbit.UseTailorPublishTopology();
        });
        await bus.StartAsync(cancellationToken);
        try
        {
            await Task.WhenAll(Enumerable.Range(0, options.Batch).Select(n => bus.Publish(BenchEvents.Activity($"{run}-warmup", n), cancellationToken)));
            var clock = Stopwatch.StartNew();
            var done = 0;
            await Parallel.ForEachAsync(
                Enumerable.Range(0, options.Events / options.Batch),
                new ParallelOptions { MaxDegreeOfParallelism = options.Concurrency, CancellationToken = cancellationToken },
                async (batch, token) =>
                {
                    await Task.WhenAll(Enumerable.Range(batch * options.Batch, options.Batch).Select(n => bus.Publish(BenchEvents.Activity(run, n), token)));
                    Progress.Report(progress, "raw bus", Interlocked.Add(ref done, options.Batch), options.Events, options.Batch);
                });
            var accepted = clock.Elapsed;
            await counter.All.WaitAsync(TimeSpan.FromMinutes(5), cancellationToken);
            return new RunResult("MassTransit publish + consume, no Ingestion", options.Events, accepted, clock.Elapsed, Latencies: null);
        }
        finally
        {
            await bus.StopAsync(CancellationToken.None);
            await consumer.StopAsync(CancellationToken.None);
        }
    }
}
