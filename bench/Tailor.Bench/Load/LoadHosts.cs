using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;
using Tailor.Host.Demo;
using Tailor.Host.Hosting;
using Tailor.Profiles;

namespace Tailor.Bench.Load;

/// <summary>
/// The distributed mode in one process: one host per service, as <c>tailor serve --target NAME</c> builds it, each with
/// its own SQLite store, all on the given RabbitMQ virtual host and Redis under a key prefix of this run's own.
/// </summary>
internal sealed class LoadHosts : IAsyncDisposable
{
    private readonly Dictionary<string, WebApplication> _hosts;
    private readonly DirectoryInfo _state;

    private LoadHosts(Dictionary<string, WebApplication> hosts, DirectoryInfo state, string keyPrefix, DemoApiKey key)
    {
        _hosts = hosts;
        _state = state;
        KeyPrefix = keyPrefix;
        ApiKey = key;
    }

    public string KeyPrefix { get; }

    public DemoApiKey ApiKey { get; }

    public IReadOnlyCollection<string> Services => _hosts.Keys;

    /// <summary>Builds the hosts; call it inside a flow that does not carry another bus's ambient state.</summary>
    public static LoadHosts Build(LoadOptions options, string run, ProfileWriteClock clock, int maxBatchItems)
    {
        var state = Directory.CreateTempSubdirectory($"tailor-load-{run}-");
        var key = DemoApiKey.Create();
        var keyPrefix = ServiceHostArguments.KeyPrefix($"load-{run}");
        var hosts = ServiceTargets.Names.ToDictionary(target => target, target => TailorHost.Build(
        [
            .. ServiceHostArguments.For(target, options.RabbitMq, options.Redis, mongoDb: null, state, $"load-{run}"),
            $"--Tailor:Ingestion:MaxBatchItems={maxBatchItems}",
            // The benchmark measures the pipeline, not the per-key limit a production client would meet.
            "--Tailor:Ingestion:RateLimitPerSecond=1000000",
            "--Tailor:Ingestion:RateLimitBurst=1000000",
            .. key.HostArguments(),
        ], builder => clock.Decorate(builder.Services)), StringComparer.Ordinal);
        return new LoadHosts(hosts, state, keyPrefix, key);
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var host in _hosts.Values)
        {
            await host.StartAsync(cancellationToken);
        }

        // The bus starts in the background; its queues are known (and consuming) once it reports healthy.
        foreach (var host in _hosts.Values)
        {
            var bus = host.Services.GetRequiredService<MassTransit.IBusControl>();
            var waited = System.Diagnostics.Stopwatch.StartNew();
            while (bus.CheckHealth().Status != MassTransit.BusHealthStatus.Healthy)
            {
                if (waited.Elapsed > TimeSpan.FromMinutes(2))
                {
                    throw new InvalidOperationException($"A service's bus is {bus.CheckHealth().Status} after two minutes: is RabbitMQ reachable at --rabbitmq?");
                }

                await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
            }
        }
    }

    public IServiceProvider ServicesOf(string target) => _hosts[target].Services;

    public Uri IngestionAddress() =>
        new(_hosts["ingestion"].Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());

    public IProfileCache Profiles(string target) => _hosts[target].Services.GetRequiredService<IProfileCache>();

    public async Task StopAsync()
    {
        foreach (var host in _hosts.Values)
        {
            await host.StopAsync(CancellationToken.None);
        }
    }

    public async ValueTask DisposeAsync()
    {
        // The profiles of this run are the benchmark's litter in a Redis others share.
        var redis = _hosts["ingestion"].Services.GetRequiredService<IConnectionMultiplexer>();
        foreach (var server in redis.GetServers())
        {
            var batch = new List<RedisKey>(1000);
            await foreach (var key in server.KeysAsync(pattern: KeyPrefix + "*", pageSize: 1000))
            {
                batch.Add(key);
                if (batch.Count == 1000)
                {
                    await redis.GetDatabase().KeyDeleteAsync([.. batch]);
                    batch.Clear();
                }
            }

            if (batch.Count > 0)
            {
                await redis.GetDatabase().KeyDeleteAsync([.. batch]);
            }
        }

        foreach (var host in _hosts.Values)
        {
            await host.DisposeAsync();
        }

        _state.Delete(recursive: true);
    }
}
