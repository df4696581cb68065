using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Tailor.ContentGeneration.Consumers;
using Tailor.Contracts;
using Tailor.Profiles;
using Tailor.Profiles.InMemory;
using Tailor.Storage;
using Tailor.Storage.Sqlite;

namespace Tailor.ContentGeneration.Tests;

/// <summary>
/// The ContentGeneration service as a host registers it (<see cref="ContentGenerationRegistration.AddContentGeneration"/>),
/// on a MassTransit test harness, a real SQLite file and the in-process profile cache.
/// </summary>
public sealed class ContentGenerationTestHost : IAsyncDisposable
{
    public const string TrackingBaseUrl = "https://click.shop.test";
    public const string UnsubscribeBaseUrl = "https://unsubscribe.shop.test/";
    public const string UnsubscribeMailbox = "leave@shop.test";

    private readonly IHost _host;
    private readonly SqliteDatabase _database;

    private ContentGenerationTestHost(IHost host, SqliteDatabase database)
    {
        _host = host;
        _database = database;
        Harness = host.Services.GetTestHarness();
    }

    public ITestHarness Harness { get; }

    public IEventStore Events => _host.Services.GetRequiredService<IEventStore>();

    public IDocumentStore Documents => _host.Services.GetRequiredService<IDocumentStore>();

    public IProfileCache Profiles => _host.Services.GetRequiredService<IProfileCache>();

    public IServiceProvider Services => _host.Services;

    /// <param name="settings">More configuration, such as a language model to write with.</param>
    public static async Task<ContentGenerationTestHost> StartAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Tailor:ContentGeneration:TrackingBaseUrl"] = TrackingBaseUrl,
            ["Tailor:ContentGeneration:UnsubscribeBaseUrl"] = UnsubscribeBaseUrl,
            ["Tailor:ContentGeneration:UnsubscribeMailbox"] = UnsubscribeMailbox,
            // Small chunks and pages, so a test audience spans several PublishBatch calls and pages.
            ["Tailor:ContentGeneration:FanOutChunkSize"] = "3",
            ["Tailor:ContentGeneration:PersonalizeBatchLimit"] = "2",
        });
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.AddContentGeneration();

        var database = new SqliteDatabase(Path.Combine(Path.GetTempPath(), $"tailor-contentgeneration-tests-{Guid.NewGuid():N}.db"));
        builder.Services.AddSingleton(database);
        builder.Services.AddSingleton<IEventStore, SqliteEventStore>();
        builder.Services.AddSingleton<IDocumentStore, SqliteDocumentStore>();
        builder.Services.AddSingleton<IProfileCache, InMemoryProfileCache>();
        builder.Services.AddMassTransitTestHarness(bus =>
        {
            bus.SetTestTimeouts(testTimeout: TimeSpan.FromSeconds(30), testInactivityTimeout: TimeSpan.FromSeconds(1));
            bus.AddConsumer<CampaignRequestedConsumer, CampaignRequestedConsumerDefinition>();
            bus.AddConsumer<PersonalizeEmailConsumer, PersonalizeEmailConsumerDefinition>();
            bus.AddConsumer<EmailEngagedConsumer, EmailEngagedConsumerDefinition>();
            bus.AddConsumer<UserErasedConsumer, UserErasedConsumerDefinition>();
            bus.AddConsumer<RecommenderTrainedConsumer, RecommenderTrainedConsumerDefinition>();
        });

        var host = builder.Build();
        var testHost = new ContentGenerationTestHost(host, database);
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

    /// <summary>Publishes the commands as one page of a fan-out, as ContentGeneration publishes them to itself.</summary>
    public Task PublishPageAsync(params PersonalizeEmail[] commands) =>
        Harness.Bus.Publish(
            new PersonalizeEmails(Guid.NewGuid(), DateTimeOffset.UtcNow, commands[0].CampaignId, commands), TestContext.Current.CancellationToken);

    /// <summary>Waits until pages holding <paramref name="count"/> commands in all were consumed.</summary>
    public async Task WaitForCommandsAsync(int count)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        int Consumed() => Harness.Consumed.Select<PersonalizeEmails>(cancellationToken).Sum(page => page.Context.Message.Commands.Count);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (Consumed() < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20, cancellationToken);
        }

        Assert.Equal(count, Consumed());
    }

    /// <summary>Every command the fan-out published, across its pages.</summary>
    public List<PersonalizeEmail> PublishedCommands() => [.. Published<PersonalizeEmails>().SelectMany(page => page.Commands)];

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
