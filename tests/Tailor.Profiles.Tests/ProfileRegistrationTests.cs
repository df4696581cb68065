using Tailor.Profiles.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Tailor.Profiles.InMemory;
using Tailor.Profiles.Redis;
using Tailor.Testing;

namespace Tailor.Profiles.Tests;

public sealed class ProfileRegistrationTests
{
    [Fact]
    public void AddTailorProfiles_without_redis_uses_the_in_process_cache()
    {
        using var host = Build([]);

        Assert.IsType<InMemoryProfileCache>(Assert.IsType<InstrumentedProfileCache>(host.Services.GetRequiredService<IProfileCache>()).Inner);
    }

    [Fact]
    public async Task AddTailorProfiles_with_redis_uses_redis_with_the_key_prefix_and_reports_it_healthy()
    {
        var prefix = $"tailor-test:{Guid.NewGuid():N}:";
        using var host = Build(new()
        {
            ["ConnectionStrings:redis"] = TestInfrastructure.RequireRedis(),
            ["Tailor:Redis:KeyPrefix"] = prefix,
        });
        var cache = host.Services.GetRequiredService<IProfileCache>();

        await cache.WriteSliceAsync("17850", new ContactSlice(null, null, "United Kingdom", null, true, DateTimeOffset.UnixEpoch), TestContext.Current.CancellationToken);
        var listed = await cache.ListUserIdsAsync(TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken);
        await cache.RemoveAsync("17850", TestContext.Current.CancellationToken);
        var report = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(TestContext.Current.CancellationToken);

        Assert.IsType<RedisProfileCache>(Assert.IsType<InstrumentedProfileCache>(cache).Inner);
        Assert.Equal(["17850"], listed); // only this test's prefix is listed, whatever else the Redis holds
        Assert.Equal(HealthStatus.Healthy, report.Entries["profiles-redis"].Status);
    }

    [Fact]
    public void A_key_prefix_with_braces_stops_the_start_naming_the_setting()
    {
        using var host = Build(new() { ["ConnectionStrings:redis"] = "localhost:6379", ["Tailor:Redis:KeyPrefix"] = "{shop}:" });

        var refused = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<RedisProfileOptions>>().Value);

        Assert.Contains("Tailor:Redis:KeyPrefix must not contain '{' or '}'", string.Join(' ', refused.Failures), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(":::")]
    [InlineData("redis host")]
    [InlineData("localhost:notaport")]
    [InlineData("localhost:6379,nonsense=1")]
    public void A_redis_connection_string_naming_no_usable_server_stops_the_start_without_repeating_it(string connectionString)
    {
        var refused = Assert.Throws<ArgumentException>(() => Build(new() { ["ConnectionStrings:redis"] = connectionString }));

        Assert.StartsWith("ConnectionStrings:redis ", refused.Message, StringComparison.Ordinal);
        Assert.Contains("such as localhost:6379", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(connectionString, refused.Message, StringComparison.Ordinal);
    }

    private static IHost Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddSingleton<Tailor.Storage.IDocumentStore>(Redis.RedisCaches.Store()); // every host has its store (AddTailorStorage)
        builder.AddTailorProfiles();
        return builder.Build();
    }
}
