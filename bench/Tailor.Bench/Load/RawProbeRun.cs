using System.Diagnostics;
using System.Text.Json;
using MassTransit;

namespace Tailor.Bench.Load;

/// <summary>A message no Tailor service consumes, padded to the size of the message it stands for.</summary>
public sealed record LoadProbe(Guid Id, string Run, int N, string Payload)
{
    public static string PaddingFor(int bytes) =>
        new('x', Math.Max(0, bytes - JsonSerializer.SerializeToUtf8Bytes(new LoadProbe(Guid.Empty, "run", 0, string.Empty)).Length));
}

/// <summary>
/// The baseline, as <see cref="RawBusRun"/> measures it for the ingestion benchmark: messages of a given size published
/// through MassTransit alone (publisher confirms on) by concurrent workers, a batch at a time, on the same broker and
/// virtual host, until a consumer of its own has them all. A probe type of the benchmark's own keeps Tailor's services,
/// whose queues stay bound on that virtual host, from receiving them.
/// </summary>
internal static class RawProbeRun
{
    public static async Task<RawResult> RunAsync(
        LoadOptions options, string name, int messages, int bytes, string run, TextWriter progress, CancellationToken cancellationToken)
    {
        var all = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var consumed = 0;
        var counter = Bus.Factory.CreateUsingRabbitMq(rabbit =>
        {
            rabbit.Host(new Uri(options.RabbitMq));
            rabbit.ReceiveEndpoint($"load-{run}-raw", endpoint =>
            {
                endpoint.AutoDelete = true;
                endpoint.Durable = false;
                endpoint.PrefetchCount = 500;
                endpoint.Handler<LoadProbe>(context =>
                {
                    if (context.Message.Run == run && Interlocked.Increment(ref consumed) == messages)
                    {
                        all.TrySetResult();
                    }

                    return Task.CompletedTask;
                });
            });
        });
        await counter.StartAsync(cancellationToken);
        var bus = Bus.Factory.CreateUsingRabbitMq(rabbit => rabbit.Host(new Uri(options.RabbitMq)));
        await bus.StartAsync(cancellationToken);
        try
        {
            var padding = LoadProbe.PaddingFor(bytes);
            await Task.WhenAll(Enumerable.Range(0, options.Batch).Select(n => bus.Publish(new LoadProbe(Guid.NewGuid(), $"{run}-warmup", n, padding), cancellationToken)));
            var clock = Stopwatch.StartNew();
            var published = 0;
            var batches = (messages + options.Batch - 1) / options.Batch;
            await Parallel.ForEachAsync(
                Enumerable.Range(0, batches),
                new ParallelOptions { MaxDegreeOfParallelism = options.Concurrency, CancellationToken = cancellationToken },
                async (batch, token) =>
                {
                    var range = Enumerable.Range(batch * options.Batch, Math.Min(options.Batch, messages - (batch * options.Batch)));
                    await Task.WhenAll(range.Select(n => bus.Publish(new LoadProbe(Guid.NewGuid(), run, n, padding), token)));
                    Progress.Report(progress, name, Interlocked.Add(ref published, range.Count()), messages, range.Count());
                });
            await all.Task.WaitAsync(TimeSpan.FromMinutes(10), cancellationToken);
            return new RawResult(name, messages, bytes, clock.Elapsed);
        }
        finally
        {
            await bus.StopAsync(CancellationToken.None);
            await counter.StopAsync(CancellationToken.None);
        }
    }
}

/// <param name="Elapsed">From the first publish to the consumer holding every message.</param>
internal sealed record RawResult(string Name, int Messages, int Bytes, TimeSpan Elapsed)
{
    public double PerSecond => Messages / Elapsed.TotalSeconds;
}
