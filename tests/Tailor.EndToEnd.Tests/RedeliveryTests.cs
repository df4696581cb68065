using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Tailor.Contracts;
using Tailor.Host.Demo;
using Tailor.Host.Hosting;
using Tailor.Profiles;
using Tailor.SendTime;
using Tailor.SendTime.Learning;
using Tailor.Storage;

namespace Tailor.EndToEnd.Tests;

/// <summary>
/// "The same event twice has one effect, in every consumer": two embedded Tailors get the same events, one once and
/// one twice; every service's stream and every profile slice must come out the same.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class RedeliveryTests
{
    private static readonly string[] Streams = ["ingestion", "embedding", "topic", "recommendation", "sendtime", "contentgeneration"];
    private static readonly DateTimeOffset At = new(2010, 12, 1, 8, 26, 0, TimeSpan.Zero);

    [Fact]
    public async Task Every_service_handles_a_redelivered_event_once()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var once = await RunAsync(deliveries: 1, cancellationToken);
        var twice = await RunAsync(deliveries: 2, cancellationToken);

        Assert.Equal(once.StreamCounts, twice.StreamCounts);
        Assert.True(once.StreamCounts.Values.Sum() >= 10, "the events reached the services");
        Assert.Equal(once.Profile.Interests!.EvidenceCount, twice.Profile.Interests!.EvidenceCount);
        Assert.Equal(once.Profile.Interests.Vector, twice.Profile.Interests.Vector);
        Assert.Equal(once.Profile.SendTime!.EvidenceCount, twice.Profile.SendTime!.EvidenceCount);
        // SendTime's own counts, not its slice's weights: its consumers run concurrently, so a slice is computed against
        // the population as it stood at that write, which depends on timing until training recomputes every slice.
        Assert.Equal(once.SendTimeCounts.Events, twice.SendTimeCounts.Events);
        Assert.Equal(once.SendTimeCounts.Weights, twice.SendTimeCounts.Weights);
        Assert.Equal(once.Profile.Contact! with { UpdatedAt = default }, twice.Profile.Contact! with { UpdatedAt = default });
        Assert.Equal(0, twice.Faults);
    }

    private static async Task<Outcome> RunAsync(int deliveries, CancellationToken cancellationToken)
    {
        var state = Directory.CreateTempSubdirectory("tailor-redelivery-");
        var monitor = new BusActivityMonitor();
        await using var app = TailorHost.Build(
        [
            "--Tailor:Target=all", "--urls=http://127.0.0.1:0", "--ConnectionStrings:rabbitmq=", "--ConnectionStrings:mongodb=",
            "--ConnectionStrings:redis=", $"--Tailor:Sqlite:Path={Path.Combine(state.FullName, "tailor.db")}", "--Logging:LogLevel:Default=Warning",
        ]);
        app.Services.GetRequiredService<IBus>().ConnectReceiveObserver(monitor);
        await app.StartAsync(cancellationToken);
        try
        {
            var publisher = app.Services.GetRequiredService<IPublishEndpoint>();
            foreach (var message in Events())
            {
                for (var delivery = 0; delivery < deliveries; delivery++)
                {
                    await publisher.Publish(message, message.GetType(), cancellationToken);
                }

            }

            // A quiet bus is not proof: messages can wait in a queue before anyone receives them. So the streams are
            // read until every service has recorded the last event and two reads a quiet second apart agree.
            var events = app.Services.GetRequiredService<IEventStore>();
            SortedDictionary<string, long>? previous = null;
            var counts = await CountAsync(events, cancellationToken);
            while (previous is null || !counts.SequenceEqual(previous) || !await AllRecordedAsync(events, LastEventId, cancellationToken))
            {
                await monitor.WaitForQuietAsync(TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(2), cancellationToken);
                (previous, counts) = (counts, await CountAsync(events, cancellationToken));
            }

            var profile = await app.Services.GetRequiredService<IProfileCache>().ReadAsync("12583", cancellationToken);
            var sendTime = await app.Services.GetRequiredService<IDocumentStore>().FindAsync<UserSendTimeState>(SendTimeNames.UsersCollection, "12583", cancellationToken);
            return new Outcome(counts, profile!, sendTime!.Counts, monitor.Faults);
        }
        finally
        {
            await app.StopAsync(CancellationToken.None);
            state.Delete(recursive: true);
        }
    }

    private static readonly Guid LastEventId = Id(7);

    private static async Task<SortedDictionary<string, long>> CountAsync(IEventStore events, CancellationToken cancellationToken)
    {
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var stream in Streams)
        {
            counts[stream] = await events.CountAsync(stream, cancellationToken);
        }

        return counts;
    }

    private static async Task<bool> AllRecordedAsync(IEventStore events, Guid eventId, CancellationToken cancellationToken)
    {
        foreach (var stream in Streams)
        {
            if (!await events.ContainsAsync(stream, eventId, cancellationToken))
            {
                return false;
            }
        }

        return true;
    }

    private static Guid Id(int n) => new($"00000000-0000-4000-8000-{n:D12}");

    private static IEnumerable<object> Events()
    {
        var properties = new Dictionary<string, string>();
        yield return new CatalogItemUpserted(Id(1), "85123A", At, "WHITE HANGING HEART T-LIGHT HOLDER", "A white metal holder for a tea light", 2.55m, "home");
        yield return new CatalogItemUpserted(Id(2), "22423", At, "REGENCY CAKESTAND 3 TIER", null, 12.75m, "kitchen");
        yield return new UserIdentified(Id(3), "12583", At, "ada@example.com", "Ada", "France", "Europe/Paris", true, properties);
        yield return new UserActivityTracked(Id(4), "12583", At, ActivityKinds.Purchase, "85123A", "WHITE HANGING HEART T-LIGHT HOLDER", 6, 2.55m, null, properties);
        yield return new UserActivityTracked(Id(5), "12583", At.AddHours(3), ActivityKinds.View, "22423", "REGENCY CAKESTAND 3 TIER", 1, 12.75m, null, properties);
        yield return new UserActivityTracked(Id(6), "12583", At.AddDays(1), ActivityKinds.Text, null, null, 1, null, "Looking for a cake stand for a party", properties);
        yield return new EmailEngaged(Id(7), "12583", At.AddDays(2), Id(8), "december", EngagementKind.Click, "https://email.example.com/c/x/22423", "22423", false);
    }

    private sealed record Outcome(SortedDictionary<string, long> StreamCounts, UserProfile Profile, HourOfWeekCounts SendTimeCounts, long Faults);
}
