using Tailor.Storage.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Tailor.Storage.MongoDb;
using Tailor.Storage.Sqlite;

namespace Tailor.Storage.Tests;

public sealed class StorageRegistrationTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "tailor-storage-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public async Task AddTailorStorage_without_mongodb_uses_sqlite_at_the_configured_path_creating_its_folder()
    {
        var path = Path.Combine(_directory, "state", "tailor.db");
        using var host = Build(new() { ["Tailor:Sqlite:Path"] = path });
        await host.StartAsync(TestContext.Current.CancellationToken);

        var events = host.Services.GetRequiredService<IEventStore>();
        var purchase = RetailSample.Purchases(1)[0];
        await events.RecordAsync("ingestion", purchase, TestContext.Current.CancellationToken);

        Assert.IsType<SqliteEventStore>(Assert.IsType<InstrumentedEventStore>(events).Inner);
        Assert.IsType<SqliteDocumentStore>(Assert.IsType<InstrumentedDocumentStore>(host.Services.GetRequiredService<IDocumentStore>()).Inner);
        Assert.True(File.Exists(path));
        Assert.Equal(1, await events.CountAsync("ingestion", TestContext.Current.CancellationToken));
        await host.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task AddTailorStorage_health_check_reports_the_sqlite_store_ready()
    {
        using var host = Build(new() { ["Tailor:Sqlite:Path"] = Path.Combine(_directory, "tailor.db") });

        var report = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(TestContext.Current.CancellationToken);

        var entry = Assert.Single(report.Entries);
        Assert.Equal("storage-sqlite", entry.Key);
        Assert.Equal(HealthStatus.Healthy, entry.Value.Status);
        Assert.Contains("ready", entry.Value.Tags);
    }

    [Fact]
    public async Task AddTailorStorage_with_an_empty_sqlite_path_fails_at_start()
    {
        using var host = Build(new() { ["Tailor:Sqlite:Path"] = string.Empty });

        await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public void AddTailorStorage_refuses_a_mongodb_connection_string_it_cannot_read_without_repeating_it()
    {
        var refused = Assert.Throws<ArgumentException>(() => Build(new() { ["ConnectionStrings:mongodb"] = "foo" }));

        Assert.StartsWith("ConnectionStrings:mongodb is not a MongoDB connection string; give mongodb://", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("tailor/ingestion")]
    [InlineData("tailor.ingestion")]
    [InlineData("tailor ingestion")]
    [InlineData("")]
    public async Task AddTailorStorage_with_a_database_name_mongodb_refuses_fails_at_start(string database)
    {
        using var host = Build(new() { ["ConnectionStrings:mongodb"] = "mongodb://127.0.0.1:27017", ["Tailor:MongoDb:Database"] = database });

        var refused = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains("Database", string.Join(' ', refused.Failures), StringComparison.Ordinal);
    }

    [Fact]
    public void AddTailorStorage_with_a_mongodb_connection_string_uses_mongodb_and_its_database_option()
    {
        // The driver connects lazily, so resolving the stores needs no server.
        using var host = Build(new()
        {
            ["ConnectionStrings:mongodb"] = "mongodb://127.0.0.1:27017",
            ["Tailor:MongoDb:Database"] = "tailor-registration",
        });

        Assert.IsType<MongoEventStore>(Assert.IsType<InstrumentedEventStore>(host.Services.GetRequiredService<IEventStore>()).Inner);
        Assert.IsType<MongoDocumentStore>(Assert.IsType<InstrumentedDocumentStore>(host.Services.GetRequiredService<IDocumentStore>()).Inner);
        Assert.Equal("tailor-registration", host.Services.GetRequiredService<IOptions<MongoStorageOptions>>().Value.Database);
        Assert.Null(host.Services.GetService<SqliteDatabase>());
    }

    [Fact]
    public void AddTailorStorage_defaults_the_mongodb_database_to_tailor()
    {
        using var host = Build(new() { ["ConnectionStrings:mongodb"] = "mongodb://127.0.0.1:27017" });

        Assert.Equal("tailor", host.Services.GetRequiredService<IOptions<MongoStorageOptions>>().Value.Database);
    }

    private static IHost Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddTailorStorage();
        return builder.Build();
    }
}
