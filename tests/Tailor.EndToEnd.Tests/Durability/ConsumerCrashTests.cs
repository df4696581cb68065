using MassTransit;
using Tailor.Contracts;
using Tailor.Host.Demo;
using Tailor.Messaging;
using Tailor.Recommendation;
using Tailor.Storage.Sqlite;
using Tailor.Testing;

namespace Tailor.EndToEnd.Tests.Durability;

/// <summary>
/// A consuming service killed with no warning in the middle of 10,000 events, and started again on the same store:
/// every event is recorded, and none twice. Messages it had taken but not acknowledged go back to its queue, and the
/// first 1,000 events are also published a second time, as a publisher's retry would: they have no second effect.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class ConsumerCrashTests : IDisposable
{
    private const int Events = 10_000;
    private const int KillAfter = 1_500;
    private const int PublishedTwice = 1_000;
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(4);

    // Dated within what every consumer accepts (Tailor:Ingestion:EarliestTimestamp, 2000): older ones are refused.
    private static readonly DateTimeOffset FirstEvent = new(2010, 12, 1, 8, 0, 0, TimeSpan.Zero);

    private readonly DirectoryInfo _state = Directory.CreateTempSubdirectory("tailor-consumer-crash-");
    private readonly DemoApiKey _apiKey = DemoApiKey.Create();

    [Fact]
    public async Task A_consumer_killed_mid_stream_and_restarted_records_every_event_once()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var broker = await RabbitMqNode.StartAsync();
        var sqlite = Path.Combine(_state.FullName, "tailor.db");
        var events = Enumerable.Range(0, Events).Select(Activity).ToList();
        var store = new SqliteEventStore(new SqliteDatabase(sqlite));

        long recordedAtKill;
        using (var first = await TailorProcess.StartAsync("recommendation", broker.AmqpUri, sqlite, _apiKey, cancellationToken))
        {
            await PublishAsync(broker.AmqpUri, [.. events, .. events.Take(PublishedTwice)], cancellationToken);
            await Polling.UntilAsync(async () => await store.CountAsync(RecommendationStore.Stream, cancellationToken) >= KillAfter, Patience, cancellationToken);
            first.Kill();
            recordedAtKill = await store.CountAsync(RecommendationStore.Stream, cancellationToken);
        }

        using (await TailorProcess.StartAsync("recommendation", broker.AmqpUri, sqlite, _apiKey, cancellationToken))
        {
            await Polling.UntilAsync(async () => await store.CountAsync(RecommendationStore.Stream, cancellationToken) >= Events, Patience, cancellationToken);
            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken); // room for a duplicate to show, were there one
        }

        Assert.InRange(recordedAtKill, KillAfter, Events - 1);
        Assert.Equal(Events, await store.CountAsync(RecommendationStore.Stream, cancellationToken));
        foreach (var message in events)
        {
            Assert.True(await store.ContainsAsync(RecommendationStore.Stream, message.EventId, cancellationToken), $"event {message.EventId} was lost");
        }
    }

    public void Dispose() => _state.Delete(recursive: true);

    private static UserActivityTracked Activity(int n) => new(
        new Guid($"00000000-0000-4000-9000-{n:D12}"), $"u{n % 200}", FirstEvent.AddMinutes(n), ActivityKinds.View,
        $"item-{n % 50}", $"Item {n % 50}", 1, 2.5m, null, new Dictionary<string, string>());

    private static async Task PublishAsync(string amqpUri, IReadOnlyList<UserActivityTracked> events, CancellationToken cancellationToken)
    {
        var bus = Bus.Factory.CreateUsingRabbitMq(rabbit =>
        {
            rabbit.Host(new Uri(amqpUri));
            rabbit.UseTailorPublishTopology();
        });
        await bus.StartAsync(cancellationToken);
        try
        {
            foreach (var chunk in events.Chunk(500))
            {
                await bus.PublishBatch(chunk, cancellationToken);
            }
        }
        finally
        {
            await bus.StopAsync(CancellationToken.None);
        }
    }
}
