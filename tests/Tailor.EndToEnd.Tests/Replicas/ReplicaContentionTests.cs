using Tailor.Host.Demo;
using Tailor.Host.Hosting;
using Tailor.Testing;

namespace Tailor.EndToEnd.Tests.Replicas;

/// <summary>
/// The worst case for per-user state: every event of a burst is the same user's, sent at once to both Ingestion
/// processes, so both replicas of every service update that one user's documents at the same moments. Each event
/// must count exactly once in every service's store and in both profile slices learnt from it.
/// </summary>
[Collection(EndToEndCollection.Name)]
public class ReplicaContentionTests
{
    private const int Events = 1_000;
    private const string UserId = "contended-user";

    [Fact]
    public async Task A_thousand_events_of_one_user_through_two_processes_of_every_service_count_exactly_once_each()
    {
        var redis = TestInfrastructure.RequireRedis();
        var ct = TestContext.Current.CancellationToken;
        await using var virtualHost = await RabbitMqVirtualHost.CreateAsync(TestInfrastructure.RequireRabbitMq());
        if (!virtualHost.IsOwn)
        {
            Assert.Skip("Replicas as processes need a local RabbitMQ that rabbitmqctl manages (queues are read to tell when the processes are idle).");
        }

        await using var run = await ReplicaRun.StartAsync(virtualHost.AmqpUri, redis, replicas: 2, ct);
        try
        {
            // Ten requests of a hundred at once, alternating between the two Ingestion processes.
            var now = DateTimeOffset.UtcNow;
            var products = OnlineRetailReader.Read(DemoOptions.BundledSample)
                .Where(line => !line.IsCancellation && line.Quantity > 0 && line.UnitPrice > 0 && line.Description.Length > 0)
                .DistinctBy(line => line.StockCode)
                .Take(20)
                .ToList();
            var calls = Enumerable.Range(0, Events).Select(n => Purchase(n, products[n % products.Count], now.AddHours(-n))).ToList();
            await Task.WhenAll(calls.Chunk(IngestionClient.BatchChunk).Select(chunk => run.PostAsync("/v1/batch", new { batch = chunk }, ct)));
            await run.WaitUntilIdleAsync(ct);

            // Every service that learns from purchases recorded each event once (its stream is named after it), and
            // folded it into the user's state once: both slices rest on exactly the thousand events. All counts are
            // read before comparing, so a failure shows every service that lost or doubled one.
            var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
            foreach (var service in (string[])["ingestion", "embedding", "sendtime", "topic", "recommendation"])
            {
                Assert.Contains(service, ServiceTargets.Names);
                counts[$"{service} events recorded"] = await run.CountEventsAsync(service, service);
            }

            var profile = (await run.ReadProfilesAsync([UserId], redis))[UserId];
            counts["interests slice evidence"] = profile?.Interests?.EvidenceCount ?? 0;
            counts["sendtime slice evidence"] = profile?.SendTime?.EvidenceCount ?? 0;
            Assert.Equal(counts.ToDictionary(count => count.Key, _ => (long)Events), counts);
        }
        catch (Exception) when (run.WriteLogsToTestOutput())
        {
            throw; // not reached: the filter writes the logs and lets the failure through
        }
    }

    private static object Purchase(int n, RetailLine product, DateTimeOffset at) => new
    {
        type = "track",
        userId = UserId,
        @event = "Order Completed",
        messageId = $"contention-{n}",
        timestamp = at,
        properties = new
        {
            order_id = $"order-{n}",
            products = new[] { new { product_id = product.StockCode, name = product.Description, price = product.UnitPrice, quantity = product.Quantity } },
        },
    };
}
