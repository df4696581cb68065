using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Tailor.Profiles;
using Tailor.Profiles.InMemory;
using Tailor.Storage;
using Tailor.Storage.Sqlite;
using Xunit;

namespace Tailor.Testing;

/// <summary>A service's consumers on MassTransit's test harness, over a real SQLite store and the in-memory profile cache.</summary>
public sealed class ConsumerHarness : IAsyncDisposable
{
    private readonly ServiceProvider _provider;
    private readonly string _directory;

    private ConsumerHarness(ServiceProvider provider, string directory)
    {
        _provider = provider;
        _directory = directory;
    }

    /// <summary>How long a delivery may take before a test calls it lost.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    public ITestHarness Bus => _provider.GetRequiredService<ITestHarness>();
    public IEventStore Events => _provider.GetRequiredService<IEventStore>();
    public IDocumentStore Documents => _provider.GetRequiredService<IDocumentStore>();
    public IProfileCache Profiles => _provider.GetRequiredService<IProfileCache>();

    /// <summary>Starts the harness; the optional decorators wrap the real stores, say to make one write fail.</summary>
    /// <param name="service">Names the temporary folder of the store.</param>
    /// <param name="addServices">Registers what the service's consumers need besides the stores.</param>
    /// <param name="addConsumers">Adds the consumers under test.</param>
    public static async Task<ConsumerHarness> StartAsync(
        string service,
        Action<IServiceCollection> addServices,
        Action<IBusRegistrationConfigurator> addConsumers,
        Func<IEventStore, IEventStore>? events = null,
        Func<IDocumentStore, IDocumentStore>? documents = null,
        Func<IProfileCache, IProfileCache>? profiles = null)
    {
        ArgumentNullException.ThrowIfNull(addServices);
        var directory = Directory.CreateTempSubdirectory($"tailor-{service}-tests").FullName;
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(new SqliteDatabase(Path.Combine(directory, "tailor.db")));
        services.AddSingleton(provider => Decorate(new SqliteEventStore(provider.GetRequiredService<SqliteDatabase>()), events));
        services.AddSingleton(provider => Decorate(new SqliteDocumentStore(provider.GetRequiredService<SqliteDatabase>()), documents));
        services.AddSingleton(_ => Decorate(new InMemoryProfileCache(), profiles));
        services.AddSingleton(TimeProvider.System);
        addServices(services);
        services.AddMassTransitTestHarness(addConsumers);

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
                await ConsumedWithinAsync<T>(context => eventId(context.Context.Message) == id),
                $"{typeof(T).Name} {id} was not consumed");
        }
    }

    /// <summary>Publishes the message and waits until this service's consumer has handled it without an error, retries included.</summary>
    public async Task<bool> DeliverThroughRetryAsync<T>(T message, Func<T, Guid> eventId)
        where T : class
    {
        await PublishAsync(message);
        var id = eventId(message);
        return await ConsumedWithinAsync<T>(context => eventId(context.Context.Message) == id && context.Exception is null);
    }

    public Task PublishAsync<T>(T message)
        where T : class =>
        Bus.Bus.Publish(message, TestContext.Current.CancellationToken);

    /// <summary>Waits until a matching message is published, or the harness goes quiet without one.</summary>
    public Task<bool> WasPublishedAsync<T>(Func<T, bool>? filter = null)
        where T : class =>
        Bus.Published.Any<T>(context => filter?.Invoke(context.Context.Message) ?? true, TestContext.Current.CancellationToken);

    /// <summary>
    /// Waits until a matching message is published or <paramref name="timeout"/> passes, however long the bus stays
    /// quiet on the way (a training publishes nothing for seconds, which <see cref="WasPublishedAsync{T}"/> takes as the end).
    /// </summary>
    public Task<bool> PublishedWithinAsync<T>(Func<T, bool> filter, TimeSpan timeout)
        where T : class =>
        TrueWithinAsync(() => PublishedMessages<T>().Any(filter), timeout);

    public IReadOnlyList<T> PublishedMessages<T>()
        where T : class =>
        [.. Bus.Published.Select<T>(TestContext.Current.CancellationToken).Select(context => context.Context.Message)];

    // Polled with a deadline rather than Consumed.Any: once the harness has been quiet for its inactivity timeout (a
    // test loading a model before it publishes), Any stops waiting and answers from what has arrived so far.
    private Task<bool> ConsumedWithinAsync<T>(Func<IReceivedMessage<T>, bool> match)
        where T : class =>
        TrueWithinAsync(() => Bus.Consumed.Select<T>(TestContext.Current.CancellationToken).Any(match), Patience);

    private static async Task<bool> TrueWithinAsync(Func<bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow >= deadline)
            {
                return false;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20), TestContext.Current.CancellationToken);
        }

        return true;
    }

    private static T Decorate<T>(T store, Func<T, T>? decorator) => decorator is null ? store : decorator(store);

    public async ValueTask DisposeAsync()
    {
        await _provider.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }
}
