using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Tailor.Profiles;
using Tailor.Profiles.InMemory;
using Tailor.Recommendation.Consumers;
using Tailor.Recommendation.Training;
using Tailor.Storage;
using Tailor.Storage.Sqlite;
using Tailor.Training;

namespace Tailor.Recommendation.Tests;

/// <summary>The service's consumers on MassTransit's test harness, over a real SQLite store and the in-memory profile cache.</summary>
internal sealed class ConsumerHarness : IAsyncDisposable
{
    private readonly ServiceProvider _provider;
    private readonly string _directory;

    private ConsumerHarness(ServiceProvider provider, string directory)
    {
        _provider = provider;
        _directory = directory;
    }

    public ITestHarness Bus => _provider.GetRequiredService<ITestHarness>();
    public IEventStore Events => _provider.GetRequiredService<IEventStore>();
    public IDocumentStore Documents => _provider.GetRequiredService<IDocumentStore>();
    public IProfileCache Profiles => _provider.GetRequiredService<IProfileCache>();

    public static async Task<ConsumerHarness> StartAsync()
    {
        var directory = Directory.CreateTempSubdirectory("tailor-recommendation-tests").FullName;
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(new SqliteDatabase(Path.Combine(directory, "tailor.db")));
        services.AddSingleton<IEventStore, SqliteEventStore>();
        services.AddSingleton<IDocumentStore, SqliteDocumentStore>();
        services.AddSingleton<IProfileCache, InMemoryProfileCache>();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(Options.Create(new RecommendationOptions { Factors = 8 }));
        services.AddSingleton<UserRecommendationsWriter>();
        services.AddSingleton<RecommendationTrainer>();
        services.AddSingleton<ModelTraining<RecommendationTrainer>>();
        services.AddMassTransitTestHarness(bus =>
        {
            bus.AddConsumer<UserActivityTrackedConsumer, UserActivityTrackedConsumerDefinition>();
            bus.AddConsumer<CatalogItemUpsertedConsumer, CatalogItemUpsertedConsumerDefinition>();
            bus.AddConsumer<UserIdentifiedConsumer, UserIdentifiedConsumerDefinition>();
            bus.AddConsumer<EmailEngagedConsumer, EmailEngagedConsumerDefinition>();
            bus.AddConsumer<ModelTrainingRequestedConsumer, ModelTrainingRequestedConsumerDefinition>();
        });

        var provider = services.BuildServiceProvider(validateScopes: true);
        await provider.GetRequiredService<ITestHarness>().Start();
        return new ConsumerHarness(provider, directory);
    }

    /// <summary>Publishes the messages and waits until this service's consumer has handled each of them.</summary>
    public async Task DeliverAsync<T>(IEnumerable<T> messages, Func<T, Guid> eventId)
        where T : class
    {
        var sent = messages.ToList();
        foreach (var message in sent)
        {
            await PublishAsync(message);
        }

        foreach (var message in sent)
        {
            var id = eventId(message);
            Assert.True(
                await Bus.Consumed.Any<T>(context => eventId(context.Context.Message) == id, TestContext.Current.CancellationToken),
                $"{typeof(T).Name} {id} was not consumed");
        }
    }

    public Task PublishAsync<T>(T message)
        where T : class =>
        Bus.Bus.Publish(message, TestContext.Current.CancellationToken);

    /// <summary>Waits until a matching message is published, or the harness goes quiet without one.</summary>
    public Task<bool> WasPublishedAsync<T>(Func<T, bool>? filter = null)
        where T : class =>
        Bus.Published.Any<T>(context => filter?.Invoke(context.Context.Message) ?? true, TestContext.Current.CancellationToken);

    public IReadOnlyList<T> PublishedMessages<T>()
        where T : class =>
        [.. Bus.Published.Select<T>(TestContext.Current.CancellationToken).Select(context => context.Context.Message)];

    public async ValueTask DisposeAsync()
    {
        await _provider.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }
}
