using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Tailor.Embedding.Consumers;
using Tailor.Embedding.Model;
using Tailor.Profiles;
using Tailor.Profiles.InMemory;
using Tailor.Storage;
using Tailor.Storage.Sqlite;

namespace Tailor.Embedding.Tests;

/// <summary>
/// The Embedding service as a host registers it (<see cref="EmbeddingRegistration.AddEmbedding"/>), on a MassTransit
/// test harness, a real SQLite file and the in-process profile cache, with the model shared from <see cref="ModelFixture"/>.
/// </summary>
public sealed class EmbeddingTestHost : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly SqliteDatabase _database;

    private EmbeddingTestHost(IHost host, SqliteDatabase database)
    {
        _host = host;
        _database = database;
        Harness = host.Services.GetTestHarness();
    }

    public ITestHarness Harness { get; }

    public IServiceProvider Services => _host.Services;

    public IEventStore Events => Services.GetRequiredService<IEventStore>();

    public IDocumentStore Documents => Services.GetRequiredService<IDocumentStore>();

    public IProfileCache Profiles => Services.GetRequiredService<IProfileCache>();

    /// <param name="replace">Registrations that replace the real ones, e.g. a store that fails once.</param>
    public static async Task<EmbeddingTestHost> StartAsync(SentenceEmbedder embedder, Action<IServiceCollection>? replace = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        // A batch window long enough that a burst published together is consumed as one batch.
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Tailor:Embedding:MessageBatchTimeLimit"] = "00:00:00.300",
        });
        builder.AddEmbedding();

        var database = new SqliteDatabase(Path.Combine(Path.GetTempPath(), $"tailor-embedding-tests-{Guid.NewGuid():N}.db"));
        builder.Services.AddSingleton(database);
        builder.Services.AddSingleton<IEventStore, SqliteEventStore>();
        builder.Services.AddSingleton<IDocumentStore, SqliteDocumentStore>();
        builder.Services.AddSingleton<IProfileCache, InMemoryProfileCache>();
        builder.Services.AddSingleton(embedder);
        replace?.Invoke(builder.Services);
        builder.Services.AddMassTransitTestHarness(bus =>
        {
            bus.SetTestTimeouts(testTimeout: TimeSpan.FromSeconds(30), testInactivityTimeout: TimeSpan.FromSeconds(1));
            bus.AddConsumer<CatalogItemUpsertedConsumer, CatalogItemUpsertedConsumerDefinition>();
            bus.AddConsumer<UserActivityTrackedConsumer, UserActivityTrackedConsumerDefinition>();
            bus.AddConsumer<EmailEngagedConsumer, EmailEngagedConsumerDefinition>();
            bus.AddConsumer<UserErasedConsumer, UserErasedConsumerDefinition>();
        });

        var host = builder.Build();
        var testHost = new EmbeddingTestHost(host, database);
        await testHost.Harness.Start();
        return testHost;
    }

    /// <summary>
    /// Waits until <paramref name="count"/> messages of <typeparamref name="T"/> were consumed. Asked again until then:
    /// the harness's own wait ends at its first quiet second, which a retry's back-off or a busy machine can reach.
    /// </summary>
    public async Task WaitForConsumedAsync<T>(int count)
        where T : class
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (Harness.Consumed.Select<T>(cancellationToken).Count() < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20, cancellationToken);
        }

        var consumed = Harness.Consumed.Select<T>(cancellationToken).Count();
        Assert.True(consumed >= count, $"Only {consumed} of {count} {typeof(T).Name} messages were consumed.");
    }

    /// <summary>
    /// Everything of <typeparamref name="T"/> published, once the bus has gone quiet. The harness stays "quiet" from then
    /// on and stops waiting for new messages, so call this (and <see cref="FaultPublishedAsync"/>) after the last publish.
    /// </summary>
    public List<T> Published<T>()
        where T : class =>
        [.. Harness.Published.Select<T>(TestContext.Current.CancellationToken).Select(published => published.Context.Message)];

    public async Task<bool> FaultPublishedAsync<T>()
        where T : class =>
        await Harness.Published.Any<Fault<T>>(TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        await Harness.Stop();
        _host.Dispose();
        var path = _database.FilePath;
        _database.Dispose();
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Delete(file);
        }
    }
}
