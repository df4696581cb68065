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
/// whose queues stay bound on that virtual host, from receiving them. One round of a few thousand messages lasts a
/// fraction of a second, so one pause of the machine moved it by a quarter from run to run: the baseline is the median
/// of <see cref="Rounds"/> rounds on the same buses.
/// </summary>
internal static class RawProbeRun
{
    public const int Rounds = 5;

    public static async Task<RawResult> RunAsync(
        LoadOptions options, string name, int messages, int bytes, string run, TextWriter progress, CancellationToken cancellationToken)
    {
        RoundCount? current = null;
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
                    Volatile.Read(ref current)?.Count(context.Message.Run);
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
            // The warm-up is consumed before the first round starts, so that round does not drain it.
            var warmUp = new RoundCount($"{run}-warmup", options.Batch);
            Volatile.Write(ref current, warmUp);
            await Task.WhenAll(Enumerable.Range(0, options.Batch).Select(n => bus.Publish(new LoadProbe(Guid.NewGuid(), warmUp.Run, n, padding), cancellationToken)));
            await warmUp.All.Task.WaitAsync(TimeSpan.FromMinutes(10), cancellationToken);
            var rounds = new List<TimeSpan>(Rounds);
            for (var round = 0; round < Rounds; round++)
            {
                var count = new RoundCount($"{run}-{round}", messages);
                Volatile.Write(ref current, count);
                var clock = Stopwatch.StartNew();
                var published = 0;
                var batches = (messages + options.Batch - 1) / options.Batch;
                await Parallel.ForEachAsync(
                    Enumerable.Range(0, batches),
                    new ParallelOptions { MaxDegreeOfParallelism = options.Concurrency, CancellationToken = cancellationToken },
                    async (batch, token) =>
                    {
                        var range = Enumerable.Range(batch * options.Batch, Math.Min(options.Batch, messages - (batch * options.Batch)));
                        await Task.WhenAll(range.Select(n => bus.Publish(new LoadProbe(Guid.NewGuid(), count.Run, n, padding), token)));
                        Progress.Report(progress, $"{name}, round {round + 1} of {Rounds}", Interlocked.Add(ref published, range.Count()), messages, range.Count());
                    });
                await count.All.Task.WaitAsync(TimeSpan.FromMinutes(10), cancellationToken);
                rounds.Add(clock.Elapsed);
            }

            return new RawResult(name, messages, bytes, rounds);
        }
        finally
        {
            await bus.StopAsync(CancellationToken.None);
            await counter.StopAsync(CancellationToken.None);
        }
    }

    /// <summary>The messages of one round the consumer has, by the round's run name; copies of another round are not counted.</summary>
    private sealed class RoundCount(string run, int messages)
    {
        private int _consumed;

        public string Run { get; } = run;

        public TaskCompletionSource All { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Count(string run)
        {
            if (run == Run && Interlocked.Increment(ref _consumed) == messages)
            {
                All.TrySetResult();
            }
        }
    }
}

/// <param name="Rounds">Each round's time from its first publish to the consumer holding every message of it.</param>
internal sealed record RawResult(string Name, int Messages, int Bytes, IReadOnlyList<TimeSpan> Rounds)
{
    /// <summary>The median round's rate: the baseline the ratios divide by.</summary>
    public double PerSecond => Messages / Rounds.Order().ElementAt(Rounds.Count / 2).TotalSeconds;

    public double SlowestPerSecond => Messages / Rounds.Max().TotalSeconds;

    public double FastestPerSecond => Messages / Rounds.Min().TotalSeconds;
}
