using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Tailor.Host.Demo;
using Tailor.Host.Hosting;

namespace Tailor.Bench;

/// <summary>
/// Tailor's Ingestion as the host runs it (Kestrel on loopback, SQLite event log, RabbitMQ with publisher confirms),
/// driven through <c>POST /v1/batch</c> by concurrent clients, with a consumer on the broker counting what arrives.
/// </summary>
internal static class HttpIngestionRun
{
    public static async Task<RunResult> RunAsync(BenchOptions options, string run, TextWriter progress, CancellationToken cancellationToken)
    {
        var state = Directory.CreateTempSubdirectory("tailor-bench-");
        var key = DemoApiKey.Create();
        await using var app = TailorHost.Build(
        [
            "--Tailor:Target=ingestion",
            "--urls=http://127.0.0.1:0",
            $"--ConnectionStrings:rabbitmq={options.RabbitMq}",
            "--ConnectionStrings:mongodb=",
            "--ConnectionStrings:redis=",
            $"--Tailor:Sqlite:Path={Path.Combine(state.FullName, "tailor.db")}",
            "--Logging:LogLevel:Default=Warning",
            $"--Tailor:Ingestion:MaxBatchItems={Math.Max(options.Batch, 1000)}",
            // The benchmark measures the pipeline, not the per-key limit a production client would meet.
            "--Tailor:Ingestion:RateLimitPerSecond=1000000",
            "--Tailor:Ingestion:RateLimitBurst=1000000",
            .. key.HostArguments(),
        ]);
        await app.StartAsync(cancellationToken);
        var counter = new RunCounter(run, options.Events);
        var consumer = await counter.StartAsync(options.RabbitMq, cancellationToken);
        try
        {
            using var http = new HttpClient { BaseAddress = Address(app), Timeout = TimeSpan.FromMinutes(2) };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key.Key);
            await PostBatchAsync(http, [.. Enumerable.Range(0, options.Batch).Select(n => BenchEvents.Call($"{run}-warmup", n))], cancellationToken);

            var latencies = new Latencies();
            var clock = Stopwatch.StartNew();
            var batches = Enumerable.Range(0, options.Events / options.Batch);
            var done = 0;
            await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = options.Concurrency, CancellationToken = cancellationToken }, async (batch, token) =>
            {
                object[] calls = [.. Enumerable.Range(batch * options.Batch, options.Batch).Select(n => BenchEvents.Call(run, n))];
                var sent = Stopwatch.StartNew();
                await PostBatchAsync(http, calls, token);
                latencies.Add(sent.Elapsed);
                Progress.Report(progress, "HTTP", Interlocked.Add(ref done, options.Batch), options.Events, options.Batch);
            });
            var accepted = clock.Elapsed;
            await counter.All.WaitAsync(TimeSpan.FromMinutes(5), cancellationToken);
            return new RunResult("Ingestion over HTTP (POST /v1/batch)", options.Events, accepted, clock.Elapsed, latencies);
        }
        finally
        {
            await consumer.StopAsync(CancellationToken.None);
            await app.StopAsync(CancellationToken.None);
            state.Delete(recursive: true);
        }
    }

    private static async Task PostBatchAsync(HttpClient http, object[] calls, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync("/v1/batch", new { batch = calls }, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Ingestion answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }
    }

    private static Uri Address(WebApplication app) =>
        new(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());
}
