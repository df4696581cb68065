using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Tailor.Contracts;
using Tailor.Host.Demo;
using Tailor.Host.Hosting;
using Tailor.Messaging;

namespace Tailor.EndToEnd.Tests;

/// <summary>
/// One way of running Tailor for a test (one embedded host, or one host per service on RabbitMQ and Redis) and the
/// same journey through it: HTTP events in, learning, training on request, one campaign, emails out.
/// </summary>
public sealed class PipelineRun : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan QuietPeriod = TimeSpan.FromSeconds(1);

    private readonly List<WebApplication> _hosts;
    private readonly List<BusActivityMonitor> _monitors;
    private readonly IBusControl? _observer;
    private readonly DirectoryInfo _state;
    private readonly bool _ownsState;

    private PipelineRun(List<WebApplication> hosts, IBusControl? observer, DirectoryInfo state, MessageCollector collector, bool ownsState = true, string? redisKeyPrefix = null)
    {
        _ownsState = ownsState;
        RedisKeyPrefix = redisKeyPrefix;
        Collector = collector;
        _hosts = hosts;
        _observer = observer;
        _state = state;
        _monitors = [.. hosts.Select(host =>
        {
            var monitor = new BusActivityMonitor();
            host.Services.GetRequiredService<IBus>().ConnectReceiveObserver(monitor);
            return monitor;
        })];
    }

    public MessageCollector Collector { get; }

    /// <summary>What every Redis key of a distributed run starts with; null for the embedded run, which keeps profiles in process.</summary>
    public string? RedisKeyPrefix { get; }

    /// <summary>The key every run's Ingestion accepts; the test sends it like a platform team would.</summary>
    private static DemoApiKey ApiKey { get; } = DemoApiKey.Create();

    /// <summary>The profile cache of the run's first host (the only one, embedded).</summary>
    public Tailor.Profiles.IProfileCache Profiles => _hosts[0].Services.GetRequiredService<Tailor.Profiles.IProfileCache>();

    /// <summary>Target <c>all</c> in one process: in-memory bus, SQLite, in-process profiles.</summary>
    /// <param name="state">The folder of the SQLite file, kept after the run, so another run can start on it (a restart); a new one when null.</param>
    public static PipelineRun Embedded(DirectoryInfo? state = null)
    {
        var ownsState = state is null;
        state ??= Directory.CreateTempSubdirectory("tailor-e2e-embedded-");
        var collector = new MessageCollector();
        var host = TailorHost.Build(
            [
                "--Tailor:Target=all",
                "--urls=http://127.0.0.1:0",
                "--ConnectionStrings:rabbitmq=",
                "--ConnectionStrings:mongodb=",
                "--ConnectionStrings:redis=",
                $"--Tailor:Sqlite:Path={Path.Combine(state.FullName, "tailor.db")}",
                "--Logging:LogLevel:Default=Warning",
                .. ApiKey.HostArguments(),
            ],
            builder =>
            {
                builder.Services.AddSingleton(collector);
                builder.AddTailorConsumers(CollectingConsumer.QueuePrefix, bus => bus.AddConsumer<CollectingConsumer>());
            });
        return new PipelineRun([host], observer: null, state, collector, ownsState);
    }

    /// <summary>
    /// One host per service, wired only through RabbitMQ and Redis; each keeps its own store (SQLite, or MongoDB when
    /// <paramref name="mongoDb"/> is set). The test listens on its own bus.
    /// </summary>
    /// <param name="customize">Adds to every host's builder (the trace test adds its span exporter here).</param>
    /// <param name="arguments">More command-line settings for every host.</param>
    public static PipelineRun Distributed(
        string rabbitMq, string redis, string? mongoDb, Action<WebApplicationBuilder>? customize = null, IReadOnlyList<string>? arguments = null)
    {
        var run = Guid.NewGuid().ToString("N")[..12];
        var state = Directory.CreateTempSubdirectory($"tailor-e2e-{run}-");
        var collector = new MessageCollector();
        var hosts = ServiceTargets.Names.Select(target => TailorHost.Build(
        [
            .. ServiceHostArguments.For(target, rabbitMq, redis, mongoDb, state, $"e2e-{run}"),
            .. ApiKey.HostArguments(),
            .. arguments ?? [],
        ], customize)).ToList();
        var observer = Bus.Factory.CreateUsingRabbitMq(bus =>
        {
            bus.Host(new Uri(rabbitMq));
            bus.ReceiveEndpoint($"e2e-observer-{run}", endpoint =>
            {
                endpoint.AutoDelete = true;
                endpoint.Durable = false;
                endpoint.Consumer(() => new CollectingConsumer(collector));
            });
        });
        return new PipelineRun(hosts, observer, state, collector, redisKeyPrefix: ServiceHostArguments.KeyPrefix($"e2e-{run}"));
    }

    /// <summary>
    /// Runs one way of hosting Tailor without the async-local state of the previous one: MassTransit keeps its
    /// log context in ambient state, which would otherwise carry the first (disposed) host's logger factory along.
    /// </summary>
    public static Task<T> Isolated<T>(Func<Task<T>> run)
    {
        using (ExecutionContext.SuppressFlow())
        {
            return Task.Run(run);
        }
    }

    /// <summary>Starts the hosts (and the test's own bus); <see cref="RunAsync"/> does it first.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // A bus waits for its broker for ever; a test whose broker or virtual host went away fails here instead of hanging
        // the whole run.
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        patience.CancelAfter(Patience);
        if (_observer is not null)
        {
            await _observer.StartAsync(patience.Token);
        }

        foreach (var host in _hosts)
        {
            await host.StartAsync(patience.Token);
        }
    }

    /// <summary>Runs the whole journey and returns the emails of the campaign.</summary>
    public async Task<IReadOnlyList<EmailReady>> RunAsync(ReplayPlan plan, DateTimeOffset windowStart, CancellationToken cancellationToken)
    {
        await StartAsync(cancellationToken);

        // This run's customers only: on the shared test vhost, a message an earlier run left in a durable queue can
        // reach this run's hosts and speak of users it never sent.
        var customerIds = plan.Identifies.Select(call => JsonSerializer.SerializeToElement(call).GetProperty("userId").GetString()!).ToHashSet(StringComparer.Ordinal);
        var customers = customerIds.Count;
        int Covered(IEnumerable<string> userIds) => userIds.Where(customerIds.Contains).Distinct(StringComparer.Ordinal).Count();
        using var http = new HttpClient { BaseAddress = IngestionAddress() };
        var ingestion = new IngestionClient(http, ApiKey.Key);
        await ingestion.SendCatalogAsync(plan.CatalogItems, _ => { }, cancellationToken);
        await ingestion.SendEventsAsync([.. plan.Identifies, .. plan.Orders], _ => { }, cancellationToken);

        // Embedding and SendTime learn per event: every customer gets an interest vector and a send time.
        await Collector.WaitForAsync<UserInterestsUpdated>(m => Covered(m.Select(u => u.UserId)) == customers, Patience, "an interest vector per customer");
        await Collector.WaitForAsync<SendTimeUpdated>(m => Covered(m.Select(u => u.UserId)) == customers, Patience, "a send time per customer");
        await WaitForQuietAsync(cancellationToken);

        var request = new ModelTrainingRequested(Guid.NewGuid(), DateTimeOffset.UtcNow, "end-to-end test");
        await PublishAsync(request, cancellationToken);
        await Collector.WaitForAsync<RecommenderTrained>(m => m.Any(t => t.RequestId == request.EventId), Patience, "the recommender to train");
        await Collector.WaitForAsync<TopicModelTrained>(m => m.Any(t => t.RequestId == request.EventId), Patience, "the topic model to train");
        await Collector.WaitForAsync<RecommendationsUpdated>(m => Covered(m.Select(u => u.UserId)) == customers, Patience, "recommendations per customer");
        await Collector.WaitForAsync<UserTopicsUpdated>(m => Covered(m.Select(u => u.UserId)) == customers, Patience, "topics per customer");
        await WaitForQuietAsync(cancellationToken);

        await ingestion.RequestCampaignAsync("e2e", "test the whole pipeline", windowStart, windowStart.AddDays(7), cancellationToken);
        return await Collector.WaitForAsync<EmailReady>(
            m => m.Count + Collector.All<EmailSuppressed>().Count >= customers, Patience, "an email per customer");
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            await host.StopAsync(CancellationToken.None);
            await host.DisposeAsync();
        }

        if (_observer is not null)
        {
            await _observer.StopAsync(CancellationToken.None);
        }

        if (_ownsState)
        {
            _state.Delete(recursive: true);
        }
    }

    /// <summary>Sends one Segment call to Ingestion's HTTP API, as a platform team would.</summary>
    public async Task PostAsync(string path, object call, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = IngestionAddress() };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", ApiKey.Key);
        using var response = await http.PostAsJsonAsync(path, call, cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Sends one DELETE to Ingestion's HTTP API (an erasure), as a platform team would.</summary>
    public async Task DeleteAsync(string path, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = IngestionAddress() };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", ApiKey.Key);
        using var response = await http.DeleteAsync(path, cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Sends a request to Ingestion as it comes, with no API key: a provider's webhook, a reader's link.</summary>
    public async Task<HttpResponseMessage> SendAnonymouslyAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = IngestionAddress() };
        return await http.SendAsync(request, cancellationToken);
    }

    /// <summary>Reads one admin answer of Ingestion's HTTP API (an export), as a platform team would.</summary>
    public async Task<HttpResponseMessage> GetAsync(string path, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = IngestionAddress() };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", ApiKey.Key);
        return await http.GetAsync(path, cancellationToken);
    }

    /// <summary>The services of the host that runs <paramref name="target"/>: its own (distributed), or the one host (embedded).</summary>
    public IServiceProvider ServicesOf(string target) =>
        (_hosts.Count == 1 ? _hosts[0] : _hosts[ServiceTargets.Names.ToList().IndexOf(target)]).Services;

    private Task PublishAsync<T>(T message, CancellationToken cancellationToken)
        where T : class =>
        (_observer as IPublishEndpoint ?? _hosts[0].Services.GetRequiredService<IPublishEndpoint>()).Publish(message, cancellationToken);

    /// <summary>Every host's consumers are idle at once: nothing in flight and nothing received for a second.</summary>
    public async Task WaitForQuietAsync(CancellationToken cancellationToken)
    {
        // Twice: a host that went quiet first may have been woken by a message another host published meanwhile.
        await Task.WhenAll(_monitors.Select(monitor => monitor.WaitForQuietAsync(QuietPeriod, Patience, cancellationToken)));
        await Task.WhenAll(_monitors.Select(monitor => monitor.WaitForQuietAsync(QuietPeriod, Patience, cancellationToken)));
    }

    private Uri IngestionAddress()
    {
        return new Uri(ServicesOf("ingestion").GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());
    }
}
