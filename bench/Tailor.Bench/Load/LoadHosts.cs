using StackExchange.Redis;
using Tailor.Host.Demo;
using Tailor.Host.Hosting;
using Tailor.Profiles;
using Tailor.Testing.Processes;

namespace Tailor.Bench.Load;

/// <summary>
/// The distributed mode as a deployment runs it: <c>--replicas</c> processes of every service, each started as
/// <c>tailor serve --target NAME</c> from the host built beside the benchmark, every replica of a service sharing
/// that service's SQLite file, all on the given RabbitMQ virtual host and on Redis under a key prefix of this run's
/// own. Being processes, each service's CPU time can be read on its own (<see cref="ProcessorTimes"/>).
/// </summary>
internal sealed class LoadHosts : IAsyncDisposable
{
    private readonly DirectoryInfo _state;
    private readonly RedisProfileReader _profiles;
    private readonly HttpClient[] _ingestion;
    private ServiceFleet? _fleet;

    private LoadHosts(ServiceFleet fleet, DirectoryInfo state, RedisProfileReader profiles, string keyPrefix, DemoApiKey key)
    {
        _fleet = fleet;
        _state = state;
        _profiles = profiles;
        KeyPrefix = keyPrefix;
        ApiKey = key;
        _ingestion = [.. fleet.Of("ingestion").Select(process => new HttpClient { BaseAddress = process.Address, Timeout = TimeSpan.FromMinutes(5) })];
        foreach (var http in _ingestion)
        {
            http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key.Key);
        }
    }

    public string KeyPrefix { get; }

    public DemoApiKey ApiKey { get; }

    /// <summary>The profile cache the services write, opened by the benchmark with the services' own registration.</summary>
    public IProfileCache Profiles => _profiles.Profiles;

    public IConnectionMultiplexer Redis => _profiles.Redis;

    /// <summary>The SQLite file a service's processes share (<c>--Tailor:Sqlite:Path</c>), while the run lasts.</summary>
    public string StorePath(string target) => Path.Combine(_state.FullName, $"{target}.db");

    /// <summary>Where the processes' console logs are while the run lasts.</summary>
    public DirectoryInfo Logs => Fleet.Logs;

    private ServiceFleet Fleet => _fleet ?? throw new InvalidOperationException("The services were stopped.");

    public static async Task<LoadHosts> StartAsync(LoadOptions options, string run, TextWriter progress, CancellationToken cancellationToken)
    {
        var state = Directory.CreateTempSubdirectory($"tailor-load-{run}-");
        var key = DemoApiKey.Create();
        var keyPrefix = ServiceHostArguments.KeyPrefix($"load-{run}");
        progress.WriteLine($"Starting {options.Replicas} process(es) of each of {ServiceTargets.Names.Count} services (logs in {state.FullName}/logs)");
        try
        {
            var fleet = await ServiceFleet.StartAsync(
                ServiceTargets.Names,
                options.Replicas,
                target =>
                [
                    .. ServiceHostArguments.For(target, options.RabbitMq, options.Redis, mongoDb: null, state, $"load-{run}"),
                    $"--Tailor:Ingestion:MaxBatchItems={Math.Max(options.Batch, 1000)}",
                    // The benchmark measures the pipeline, not the per-key limit a production client would meet.
                    "--Tailor:Ingestion:RateLimitPerSecond=1000000",
                    "--Tailor:Ingestion:RateLimitBurst=1000000",
                    .. key.HostArguments(),
                ],
                state.CreateSubdirectory("logs"),
                cancellationToken);
            return new LoadHosts(fleet, state, RedisProfileReader.Open(options.Redis, keyPrefix), keyPrefix, key);
        }
        catch
        {
            state.Delete(recursive: true);
            throw;
        }
    }

    /// <summary>An HTTP client of Ingestion with the run's key; the n-th request goes to replica n mod replicas.</summary>
    public HttpClient Ingestion(int n) => _ingestion[n % _ingestion.Length];

    /// <summary>CPU time used so far by each service's processes together.</summary>
    public IReadOnlyDictionary<string, TimeSpan> ProcessorTimes() =>
        ServiceTargets.Names.ToDictionary(service => service, Fleet.ProcessorTime, StringComparer.Ordinal);

    /// <summary>Fails with the processes' logs when one has ended: a crashed replica would otherwise look like a slow one.</summary>
    public void ThrowIfAnyExited() => Fleet.ThrowIfAnyExited();

    public string LogTails() => _fleet?.LogTails() ?? string.Empty;

    /// <summary>Kills every process.</summary>
    public async Task StopAsync()
    {
        if (_fleet is not null)
        {
            await _fleet.DisposeAsync();
            _fleet = null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();

        // The profiles of this run are the benchmark's litter in a Redis others share.
        foreach (var server in Redis.GetServers())
        {
            var batch = new List<RedisKey>(1000);
            await foreach (var key in server.KeysAsync(pattern: KeyPrefix + "*", pageSize: 1000))
            {
                batch.Add(key);
                if (batch.Count == 1000)
                {
                    await Redis.GetDatabase().KeyDeleteAsync([.. batch]);
                    batch.Clear();
                }
            }

            if (batch.Count > 0)
            {
                await Redis.GetDatabase().KeyDeleteAsync([.. batch]);
            }
        }

        foreach (var http in _ingestion)
        {
            http.Dispose();
        }

        await _profiles.DisposeAsync();
        _state.Delete(recursive: true);
    }
}
