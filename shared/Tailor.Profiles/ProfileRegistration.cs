using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using Tailor.Profiles.Diagnostics;
using Tailor.Profiles.InMemory;
using Tailor.Profiles.Rebuild;
using Tailor.Profiles.Redis;

namespace Tailor.Profiles;

public static class ProfileRegistration
{
    /// <summary>The connection string that switches the profile cache from in-process to Redis.</summary>
    public const string RedisConnectionName = "redis";

    /// <summary>
    /// Registers <see cref="IProfileCache"/>: Redis when <c>ConnectionStrings:redis</c> is set (keys prefixed with
    /// <c>Tailor:Redis:KeyPrefix</c>), otherwise a cache inside this process. Either way, the slices this process's
    /// services own are written back from their stores when the cache has lost them or failed to take a write of them
    /// (<see cref="ProfileRebuildMonitor"/>).
    /// </summary>
    public static IHostApplicationBuilder AddTailorProfiles(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var redis = builder.Configuration.GetConnectionString(RedisConnectionName);
        if (string.IsNullOrWhiteSpace(redis))
        {
            builder.Services.AddSingleton<InMemoryProfileCache>();
            AddInstrumented<InMemoryProfileCache>(builder.Services, "memory");
            // Checked again (cheaply) after start only so that a rebuild that failed is tried again.
            AddRebuild<InMemoryCacheMarkers>(builder.Services, _ => new ProfileRebuildSchedule(TimeSpan.FromSeconds(30)));
            return builder;
        }

        var configuration = ParseRedisConfiguration(redis);
        builder.Services.AddOptions<RedisProfileOptions>()
            .BindConfiguration(RedisProfileOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        // AbortOnConnectFail=false: a Redis that is down (or still starting) at boot does not stop the process;
        // the multiplexer keeps reconnecting, and the slices written meanwhile are rebuilt from the store once it is back.
        builder.Services.TryAddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(configuration));
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<RedisProfileCache>();
        AddInstrumented<RedisProfileCache>(builder.Services, "redis");
        AddRebuild<RedisCacheMarkers>(builder.Services, provider =>
            new ProfileRebuildSchedule(provider.GetRequiredService<IOptions<RedisProfileOptions>>().Value.RebuildCheckInterval));
        builder.Services.AddHealthChecks().AddCheck<RedisProfileHealthCheck>("profiles-redis", tags: ["ready"]);
        return builder;
    }

    /// <summary>
    /// Reads <c>ConnectionStrings:redis</c> when the process starts. StackExchange.Redis takes almost any text as a host
    /// and, with <c>AbortOnConnectFail=false</c>, would try to reach it for ever with <c>/health</c> degraded; a value
    /// that names no usable endpoint stops the start instead. The value is not repeated: it may hold a password.
    /// </summary>
    private static ConfigurationOptions ParseRedisConfiguration(string connectionString)
    {
        const string Expected = "host:port[,host:port...][,option=value...], such as localhost:6379 or redis:6379,password=...";
        ConfigurationOptions configuration;
        try
        {
            configuration = ConfigurationOptions.Parse(connectionString);
        }
        catch (ArgumentException)
        {
            // The driver's message quotes the part it could not read, which may be a piece of the password.
            throw new ArgumentException($"ConnectionStrings:{RedisConnectionName} is not a StackExchange.Redis configuration; give {Expected}.");
        }

        if (configuration.EndPoints.Count == 0
            || configuration.EndPoints.Any(endPoint => endPoint is DnsEndPoint dns && Uri.CheckHostName(dns.Host) == UriHostNameType.Unknown))
        {
            throw new ArgumentException($"ConnectionStrings:{RedisConnectionName} names no Redis server Tailor can reach; give {Expected}.");
        }

        configuration.AbortOnConnectFail = false;
        return configuration;
    }

    private static void AddRebuild<TMarkers>(IServiceCollection services, Func<IServiceProvider, ProfileRebuildSchedule> schedule)
        where TMarkers : class, IProfileCacheMarkers
    {
        services.AddSingleton<IProfileCacheMarkers, TMarkers>();
        services.AddSingleton<SliceRepairs>();
        services.AddSingleton(schedule);
        services.AddHostedService<ProfileRebuildMonitor>();
    }

    private static void AddInstrumented<TCache>(IServiceCollection services, string system)
        where TCache : IProfileCache
    {
        services.TryAddSingleton<ProfileMetrics>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IProfileCache>(provider => new InstrumentedProfileCache(
            provider.GetRequiredService<TCache>(), system, provider.GetRequiredService<ProfileMetrics>(), provider.GetRequiredService<TimeProvider>()));
    }
}
