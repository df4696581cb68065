using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using Tailor.Profiles.Diagnostics;
using Tailor.Profiles.Redis;
using Tailor.Storage;
using Tailor.Storage.Sqlite;

namespace Tailor.Profiles.Tests.Redis;

/// <summary>A <see cref="RedisProfileCache"/> wired as the host wires it, over a store of the test's own.</summary>
internal static class RedisCaches
{
    private static readonly ServiceProvider Meters = new ServiceCollection().AddMetrics().BuildServiceProvider();

    public static RedisProfileCache Create(IConnectionMultiplexer redis, string keyPrefix, IDocumentStore store, RedisOutage? outage = null) =>
        new(
            redis,
            Options.Create(new RedisProfileOptions { KeyPrefix = keyPrefix }),
            new DeferredSlices(store),
            outage ?? new RedisOutage(),
            new ProfileMetrics(Meters.GetRequiredService<IMeterFactory>()),
            TimeProvider.System);

    public static SqliteDocumentStore Store() =>
        new(new SqliteDatabase(Path.Combine(Path.GetTempPath(), $"tailor-profiles-tests-{Guid.NewGuid():N}.db")));
}
