using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Tailor.Profiles;
using Tailor.Profiles.InMemory;
using Tailor.SendTime.Consumers;
using Tailor.Storage;
using Tailor.Storage.Sqlite;

namespace Tailor.SendTime.Tests;

/// <summary>
/// The SendTime service as a host registers it (<see cref="SendTimeRegistration.AddSendTime"/>), on a MassTransit test
/// harness, a real SQLite file and the in-process profile cache.
/// </summary>
public sealed class SendTimeTestHost : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly SqliteDatabase _database;
    private readonly bool _ownsFile;

    private SendTimeTestHost(IHost host, SqliteDatabase database, bool ownsFile)
    {
        _host = host;
        _database = database;
        _ownsFile = ownsFile;
        Harness = host.Services.GetTestHarness();
    }

    public ITestHarness Harness { get; }

    public IEventStore Events => _host.Services.GetRequiredService<IEventStore>();

    public IDocumentStore Documents => _host.Services.GetRequiredService<IDocumentStore>();

    public IProfileCache Profiles => _host.Services.GetRequiredService<IProfileCache>();

    public IServiceProvider Services => _host.Services;

    /// <param name="replace">Registrations that replace the real ones, e.g. a store that fails once.</param>
    /// <param name="settings">More <c>Tailor:SendTime</c> settings, as configuration keys and values.</param>
    /// <param name="databaseFile">
    /// A SQLite file another host uses too, as a second replica's process would (this host opens its own connections to
    /// it and leaves it in place); by default a file of this host's own, deleted with it.
    /// </param>
    public static async Task<SendTimeTestHost> StartAsync(
        Action<IServiceCollection>? replace = null, IReadOnlyDictionary<string, string?>? settings = null, string? databaseFile = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        // A batch window long enough that a burst published together is consumed as one batch.
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Tailor:SendTime:MessageBatchTimeLimit"] = "00:00:00.300",
        });
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.AddSendTime();

        var database = new SqliteDatabase(databaseFile ?? Path.Combine(Path.GetTempPath(), $"tailor-sendtime-tests-{Guid.NewGuid():N}.db"));
        builder.Services.AddSingleton(database);
        builder.Services.AddSingleton<IEventStore, SqliteEventStore>();
        builder.Services.AddSingleton<IDocumentStore, SqliteDocumentStore>();
        builder.Services.AddSingleton<IProfileCache, InMemoryProfileCache>();
        replace?.Invoke(builder.Services);
        builder.Services.AddMassTransitTestHarness(bus =>
        {
            bus.SetTestTimeouts(testTimeout: TimeSpan.FromSeconds(30), testInactivityTimeout: TimeSpan.FromSeconds(1));
            bus.AddConsumer<UserActivityTrackedConsumer, UserActivityTrackedConsumerDefinition>();
            bus.AddConsumer<EmailEngagedConsumer, EmailEngagedConsumerDefinition>();
            bus.AddConsumer<UserIdentifiedConsumer, UserIdentifiedConsumerDefinition>();
            bus.AddConsumer<UserErasedConsumer, UserErasedConsumerDefinition>();
            bus.AddConsumer<ModelTrainingRequestedConsumer, ModelTrainingRequestedConsumerDefinition>();
        });

        var host = builder.Build();
        var testHost = new SendTimeTestHost(host, database, ownsFile: databaseFile is null);
        await testHost.Harness.Start();
        return testHost;
    }

    /// <summary>Waits until <paramref name="count"/> messages of <typeparamref name="T"/> were consumed.</summary>
    /// <remarks>
    /// Counts instead of using the harness's inactivity-bounded enumeration: once the harness has been idle, that
    /// enumeration stops early, and a test with several publish-and-wait phases would miss later messages.
    /// </remarks>
    public async Task WaitForConsumedAsync<T>(int count)
        where T : class
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (Harness.Consumed.Select<T>(cancellationToken).Count() < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20, cancellationToken);
        }

        Assert.Equal(count, Harness.Consumed.Select<T>(cancellationToken).Count());
    }

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
        foreach (var file in _ownsFile ? [path, path + "-wal", path + "-shm"] : Array.Empty<string>())
        {
            File.Delete(file);
        }
    }
}
