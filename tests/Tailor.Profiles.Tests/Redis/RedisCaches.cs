using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using Tailor.Profiles.Diagnostics;
using Tailor.Profiles.Rebuild;
using Tailor.Profiles.Redis;
using Tailor.Storage;
using Tailor.Storage.Sqlite;
using Tailor.Testing;

namespace Tailor.Profiles.Tests.Redis;

/// <summary>A <see cref="RedisProfileCache"/> wired as the host wires it, over a store of the test's own.</summary>
internal static class RedisCaches
{
    private static readonly ServiceProvider Meters = new ServiceCollection().AddMetrics().BuildServiceProvider();

    public static RedisProfileCache Create(IConnectionMultiplexer redis, string keyPrefix, IDocumentStore store) =>
        new(
            redis,
            Options.Create(new RedisProfileOptions { KeyPrefix = keyPrefix }),
            new SliceRepairs(store),
            new ProfileMetrics(Meters.GetRequiredService<IMeterFactory>()),
            TimeProvider.System);

    /// <summary>
    /// A connection to a loopback port nobody listens on: a replica cut off from a Redis that runs on for the others
    /// (a network partition), which neither restarts nor loses anything.
    /// </summary>
    public static Task<ConnectionMultiplexer> CutOffAsync() =>
        ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{FreePorts.Next()},abortConnect=false,connectTimeout=200,syncTimeout=500,asyncTimeout=500");

    public static SqliteDocumentStore Store() =>
        new(new SqliteDatabase(Path.Combine(Path.GetTempPath(), $"tailor-profiles-tests-{Guid.NewGuid():N}.db")));
}
