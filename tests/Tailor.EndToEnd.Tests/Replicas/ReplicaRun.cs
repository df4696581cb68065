using System.Net.Http.Headers;
using System.Net.Http.Json;
using MassTransit;
using Tailor.Contracts;
using Tailor.Host.Demo;
using Tailor.Host.Hosting;
using Tailor.Profiles;
using Tailor.Storage.Sqlite;
using Tailor.Testing.Processes;

namespace Tailor.EndToEnd.Tests.Replicas;

/// <summary>
/// Every service as <c>replicas</c> separate processes of the built host (<c>dotnet tailor.dll serve --target NAME</c>),
/// on the test's own RabbitMQ virtual host and on Redis under a key prefix of the run's own; the replicas of a service
/// share its one SQLite file, as replicas of a deployment share the service's database. The test listens on a queue
/// of its own, talks to Ingestion over HTTP (alternating between its replicas) and reads what the services stored.
/// </summary>
public sealed class ReplicaRun : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    private readonly IBusControl _observer;
    private readonly DirectoryInfo _state;
    private readonly string _rabbitMq;
    private int _nextIngestion;

    private ReplicaRun(ServiceFleet fleet, IBusControl observer, DirectoryInfo state, string rabbitMq, string keyPrefix, DemoApiKey apiKey, MessageCollector collector)
    {
        Fleet = fleet;
        _observer = observer;
        _state = state;
        _rabbitMq = rabbitMq;
        KeyPrefix = keyPrefix;
        ApiKey = apiKey;
        Collector = collector;
    }

    public ServiceFleet Fleet { get; }

    public MessageCollector Collector { get; }

    public string KeyPrefix { get; }

    public DemoApiKey ApiKey { get; }

    /// <summary>Starts the processes (all at once) and the test's own listener, and waits until every process is ready.</summary>
    /// <param name="rabbitMq">The AMQP URI of a virtual host of the test's own, on the local broker (queues are read with rabbitmqctl).</param>
    public static async Task<ReplicaRun> StartAsync(string rabbitMq, string redis, int replicas, CancellationToken cancellationToken)
    {
        var run = $"e2e-{Guid.NewGuid().ToString("N")[..12]}";
        var state = Directory.CreateTempSubdirectory($"tailor-{run}-");
        var apiKey = DemoApiKey.Create();
        var collector = new MessageCollector();
        var observer = Bus.Factory.CreateUsingRabbitMq(bus =>
        {
            bus.Host(new Uri(rabbitMq));
            bus.ReceiveEndpoint($"{run}-observer", endpoint =>
            {
                endpoint.AutoDelete = true;
                endpoint.Durable = false;
                endpoint.Consumer(() => new CollectingConsumer(collector));
            });
        });
        await observer.StartAsync(cancellationToken);
        try
        {
            var fleet = await ServiceFleet.StartAsync(
                ServiceTargets.Names,
                replicas,
                service => [.. ServiceHostArguments.For(service, rabbitMq, redis, mongoDb: null, state, run), .. apiKey.HostArguments()],
                state.CreateSubdirectory("logs"),
                cancellationToken);
            return new ReplicaRun(fleet, observer, state, rabbitMq, ServiceHostArguments.KeyPrefix(run), apiKey, collector);
        }
        catch
        {
            await observer.StopAsync(CancellationToken.None);
            state.Delete(recursive: true);
            throw;
        }
    }

    /// <summary>
    /// The journey of <see cref="PipelineRun.RunAsync"/>: the catalog, then events in over HTTP, every customer's interests
    /// and send time learnt, both models trained on request, then one campaign; returns its emails once every customer
    /// has one and every queue is idle again (so a late duplicate would have been counted).
    /// </summary>
    public async Task<IReadOnlyList<EmailReady>> RunAsync(ReplayPlan plan, DateTimeOffset windowStart, CancellationToken cancellationToken)
    {
        var customerIds = Customers(plan);
        int Covered(IEnumerable<string> userIds) => userIds.Where(customerIds.Contains).Distinct(StringComparer.Ordinal).Count();

        await WithIngestionAsync(ingestion => ingestion.SendCatalogAsync(plan.CatalogItems, _ => { }, cancellationToken));

        // The catalog embedded before the first order, as a shop sends it: otherwise whether an order's evidence is its
        // item's catalog vector or its name's depends on which consumer ran first, in one process as in two.
        await WaitUntilIdleAsync(cancellationToken);
        await SendEventsAsync([.. plan.Identifies, .. plan.Orders], cancellationToken);
        await Collector.WaitForAsync<UserInterestsUpdated>(m => Covered(m.Select(u => u.UserId)) == customerIds.Count, Patience, "an interest vector per customer");
        await Collector.WaitForAsync<SendTimeUpdated>(m => Covered(m.Select(u => u.UserId)) == customerIds.Count, Patience, "a send time per customer");
        await WaitUntilIdleAsync(cancellationToken);

        var request = new ModelTrainingRequested(Guid.NewGuid(), DateTimeOffset.UtcNow, "end-to-end replica test");
        await _observer.Publish(request, cancellationToken);
        await Collector.WaitForAsync<RecommenderTrained>(m => m.Any(t => t.RequestId == request.EventId), Patience, "the recommender to train");
        await Collector.WaitForAsync<TopicModelTrained>(m => m.Any(t => t.RequestId == request.EventId), Patience, "the topic model to train");
        await Collector.WaitForAsync<RecommendationsUpdated>(m => Covered(m.Select(u => u.UserId)) == customerIds.Count, Patience, "recommendations per customer");
        await Collector.WaitForAsync<UserTopicsUpdated>(m => Covered(m.Select(u => u.UserId)) == customerIds.Count, Patience, "topics per customer");
        await WaitUntilIdleAsync(cancellationToken);

        await WithIngestionAsync(ingestion => ingestion.RequestCampaignAsync("e2e", "test the whole pipeline on replicas", windowStart, windowStart.AddDays(7), cancellationToken));
        await Collector.WaitForAsync<EmailReady>(m => m.Count + Collector.All<EmailSuppressed>().Count >= customerIds.Count, Patience, "an email per customer");
        await WaitUntilIdleAsync(cancellationToken);
        return Collector.All<EmailReady>();
    }

    /// <summary>Sends the calls through <c>POST /v1/batch</c>, a request at a time, each to the next Ingestion replica.</summary>
    public async Task SendEventsAsync(IReadOnlyList<object> calls, CancellationToken cancellationToken)
    {
        for (var start = 0; start < calls.Count; start += IngestionClient.BatchChunk)
        {
            var chunk = calls.Skip(start).Take(IngestionClient.BatchChunk).ToList();
            await WithIngestionAsync(ingestion => ingestion.SendEventsAsync(chunk, _ => { }, cancellationToken));
        }
    }

    /// <summary>Sends one call to <c>POST /v1/{path}</c> of the next Ingestion replica.</summary>
    public async Task PostAsync(string path, object call, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = NextIngestionAddress() };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ApiKey.Key);
        using var response = await http.PostAsJsonAsync(path, call, cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Every queue of the run's virtual host empty, nothing unacknowledged: all processes are done.</summary>
    public async Task WaitUntilIdleAsync(CancellationToken cancellationToken)
    {
        Fleet.ThrowIfAnyExited();
        await RabbitMqQueues.WaitUntilIdleAsync(_rabbitMq, Patience, cancellationToken);
    }

    /// <summary>Each user's whole profile as the services wrote it to Redis (null where none).</summary>
    public async Task<IReadOnlyDictionary<string, UserProfile?>> ReadProfilesAsync(IEnumerable<string> userIds, string redis)
    {
        await using var reader = RedisProfileReader.Open(redis, KeyPrefix);
        var profiles = new Dictionary<string, UserProfile?>(StringComparer.Ordinal);
        foreach (var userId in userIds)
        {
            profiles[userId] = await reader.Profiles.ReadAsync(userId);
        }

        return profiles;
    }

    /// <summary>The events one service recorded in its own stream of its store (the SQLite file its replicas share).</summary>
    public async Task<long> CountEventsAsync(string service, string stream)
    {
        using var database = new SqliteDatabase(Path.Combine(_state.FullName, $"{service}.db"));
        return await new SqliteEventStore(database).CountAsync(stream);
    }

    public static HashSet<string> Customers(ReplayPlan plan) =>
        plan.Identifies.Select(call => System.Text.Json.JsonSerializer.SerializeToElement(call).GetProperty("userId").GetString()!).ToHashSet(StringComparer.Ordinal);

    public async ValueTask DisposeAsync()
    {
        await Fleet.DisposeAsync();
        await _observer.StopAsync(CancellationToken.None);
        _state.Delete(recursive: true);
    }

    /// <summary>
    /// Used as an exception filter around a test's body: writes the end of every process's log to the test's output
    /// (shown with the failure), then lets the exception go on.
    /// </summary>
    public bool WriteLogsToTestOutput()
    {
        TestContext.Current.TestOutputHelper?.WriteLine(Fleet.LogTails());
        return false;
    }

    private async Task WithIngestionAsync(Func<IngestionClient, Task> call)
    {
        using var http = new HttpClient { BaseAddress = NextIngestionAddress() };
        await call(new IngestionClient(http, ApiKey.Key));
    }

    private Uri NextIngestionAddress()
    {
        var ingestion = Fleet.Of("ingestion");
        return ingestion[Interlocked.Increment(ref _nextIngestion) % ingestion.Count].Address;
    }
}
