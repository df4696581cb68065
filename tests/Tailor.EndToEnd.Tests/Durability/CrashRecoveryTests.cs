using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Tailor.Host.Demo;
using Tailor.Testing;

namespace Tailor.EndToEnd.Tests.Durability;

/// <summary>
/// "A 2xx means kept", tested for real: Ingestion is a separate process killed with no warning and the broker is stopped
/// and started again; every event answered 2xx still reaches the consumers. With the broker down, Ingestion says 503.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class CrashRecoveryTests : IDisposable
{
    private const int Batches = 24;
    private const int CallsPerBatch = 25;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly DirectoryInfo _state = Directory.CreateTempSubdirectory("tailor-crash-");
    private readonly DemoApiKey _apiKey = DemoApiKey.Create();

    [Fact]
    public async Task Accepted_events_reach_consumers_after_ingestion_is_killed_and_the_broker_restarts()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var broker = await RabbitMqNode.StartAsync();
        var queue = new ActivityQueue(broker.AmqpUri, "crash-test-activity");
        await (await queue.ConsumeAsync(cancellationToken)).DisposeAsync(); // bound and durable; nobody reads it now

        var accepted = new List<string>();
        using (var ingestion = await TailorProcess.StartAsync(broker.AmqpUri, Path.Combine(_state.FullName, "tailor.db"), _apiKey, cancellationToken))
        {
            var answers = await Task.WhenAll(Enumerable.Range(0, Batches).Select(batch => SendBatchAsync(ingestion.Client, batch, cancellationToken)));
            accepted.AddRange(answers.SelectMany(sequences => sequences));
            ingestion.Kill();
        }

        await broker.StopAsync();
        await broker.StartAgainAsync();
        await using (await queue.ConsumeAsync(cancellationToken))
        {
            await Polling.UntilAsync(() => accepted.All(queue.Sequences.ContainsKey), Patience, cancellationToken);
        }

        Assert.Equal(Batches * CallsPerBatch, accepted.Count);
        Assert.DoesNotContain(accepted, sequence => !queue.Sequences.ContainsKey(sequence));
        Assert.Equal(accepted.Count, queue.Deliveries.Count);
    }

    [Fact]
    public async Task With_the_broker_down_ingestion_answers_503_then_accepts_the_retry_once_it_is_back()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var broker = await RabbitMqNode.StartAsync();
        var queue = new ActivityQueue(broker.AmqpUri, "broker-down-activity");
        await (await queue.ConsumeAsync(cancellationToken)).DisposeAsync();
        using var ingestion = await TailorProcess.StartAsync(
            broker.AmqpUri, Path.Combine(_state.FullName, "tailor.db"), _apiKey, cancellationToken, "--Tailor:Ingestion:AcceptTimeout=00:00:03");
        var call = new { userId = "12583", @event = "Cart Viewed", messageId = "while-down", properties = new { burst_seq = "down-1" } };

        await broker.StopAsync();
        using (var refused = await ingestion.Client.PostAsJsonAsync("/v1/track", call, cancellationToken))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        }

        using (var health = await ingestion.Client.GetAsync(new Uri("/health", UriKind.Relative), cancellationToken))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        }

        await broker.StartAgainAsync();
        await Polling.UntilAsync(async () =>
        {
            using var retried = await ingestion.Client.PostAsJsonAsync("/v1/track", call, cancellationToken);
            return retried.StatusCode == HttpStatusCode.OK;
        }, Patience, cancellationToken);
        await using (await queue.ConsumeAsync(cancellationToken))
        {
            await Polling.UntilAsync(() => queue.Sequences.ContainsKey("down-1"), Patience, cancellationToken);
            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken); // room for a duplicate to show, were there one
        }

        Assert.Equal(1, Assert.Single(queue.Deliveries).Value);
    }

    public void Dispose() => _state.Delete(recursive: true);

    /// <returns>The sequences of the calls the batch got a 2xx for (none if it was refused).</returns>
    private static async Task<IReadOnlyList<string>> SendBatchAsync(HttpClient client, int batch, CancellationToken cancellationToken)
    {
        var sequences = Enumerable.Range(batch * CallsPerBatch, CallsPerBatch).Select(n => n.ToString(CultureInfo.InvariantCulture)).ToList();
        var calls = sequences.Select(sequence => new
        {
            type = "track",
            userId = $"u{int.Parse(sequence, CultureInfo.InvariantCulture) % 40}",
            @event = "Cart Viewed",
            messageId = $"burst-{sequence}",
            properties = new { burst_seq = sequence },
        });
        using var response = await client.PostAsJsonAsync("/v1/batch", new { batch = calls }, cancellationToken);
        return response.StatusCode == HttpStatusCode.OK ? sequences : [];
    }
}
