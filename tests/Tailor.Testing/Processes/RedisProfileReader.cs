using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Tailor.Profiles;
using Tailor.Storage;

namespace Tailor.Testing.Processes;

/// <summary>
/// The profile cache the services write, opened from outside them: the same <see cref="IProfileCache"/> registration
/// (Redis, the run's key prefix), so a test or the benchmark reads and writes profiles exactly as a service does.
/// Nothing of the services' background work (rebuilds, repairs) runs here: the host is built, not started.
/// </summary>
public sealed class RedisProfileReader : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly DirectoryInfo _scratch;

    private RedisProfileReader(IHost host, DirectoryInfo scratch)
    {
        _host = host;
        _scratch = scratch;
    }

    public IProfileCache Profiles => _host.Services.GetRequiredService<IProfileCache>();

    public StackExchange.Redis.IConnectionMultiplexer Redis => _host.Services.GetRequiredService<StackExchange.Redis.IConnectionMultiplexer>();

    public static RedisProfileReader Open(string redis, string keyPrefix)
    {
        // The cache keeps writes it could not make in a store; this one's store is a scratch file of its own.
        var scratch = Directory.CreateTempSubdirectory("tailor-profile-reader-");
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{ProfileRegistration.RedisConnectionName}"] = redis,
            ["Tailor:Redis:KeyPrefix"] = keyPrefix,
            ["Tailor:Sqlite:Path"] = Path.Combine(scratch.FullName, "reader.db"),
        });
        builder.AddTailorStorage();
        builder.AddTailorProfiles();
        return new RedisProfileReader(builder.Build(), scratch);
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }
        else
        {
            _host.Dispose();
        }

        _scratch.Delete(recursive: true);
    }
}
