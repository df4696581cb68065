using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Tailor.Profiles;
using Tailor.Profiles.InMemory;
using Tailor.Storage;
using Tailor.Storage.Sqlite;
using Xunit;

namespace Tailor.Testing;

/// <summary>
/// A service exactly as its host registers it (<c>builder.AddSendTime()</c> and the like), with the consumers that
/// registration gave the bus running on MassTransit's test harness, over a real SQLite store and the in-memory profile
/// cache. A consumer added to a registration is under test here without any test listing it.
/// </summary>
public sealed class ConsumerHarness : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly string? _ownedDirectory;

    private ConsumerHarness(IHost host, string? ownedDirectory)
    {
        _host = host;
        _ownedDirectory = ownedDirectory;
        Harness = host.Services.GetTestHarness();
    }

    public ITestHarness Harness { get; }

    public IServiceProvider Services => _host.Services;

    public IEventStore Events => Services.GetRequiredService<IEventStore>();

    public IDocumentStore Documents => Services.GetRequiredService<IDocumentStore>();

    public IProfileCache Profiles => Services.GetRequiredService<IProfileCache>();

    /// <summary>Starts the service; its hosted services (dispatchers, schedulers, start-up loads) start with the bus.</summary>
    /// <param name="service">Names the temporary folder of the store.</param>
    /// <param name="addService">The service's real registration, e.g. <c>builder => builder.AddSendTime()</c>.</param>
    /// <param name="settings">Configuration the registration binds its options from.</param>
    /// <param name="replace">Registrations that replace the real ones, e.g. a fake clock or a store that fails once.</param>
    /// <param name="databaseFile">
    /// A SQLite file another harness uses too, as a second replica's process would (left in place); by default a file of
    /// this harness's own, deleted with it.
    /// </param>
    /// <param name="quietAfter">
    /// How long the bus may be idle before the harness's own waits (<see cref="WasPublishedAsync{T}"/>) stop; MassTransit's
    /// default when null.
    /// </param>
    /// <param name="events">Wraps the real event store, say to make one write fail.</param>
    /// <param name="documents">Wraps the real document store.</param>
    /// <param name="profiles">Wraps the in-memory profile cache.</param>
    public static async Task<ConsumerHarness> StartAsync(
        string service,
        Action<IHostApplicationBuilder> addService,
        IReadOnlyDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? replace = null,
        string? databaseFile = null,
        TimeSpan? quietAfter = null,
        Func<IEventStore, IEventStore>? events = null,
        Func<IDocumentStore, IDocumentStore>? documents = null,
        Func<IProfileCache, IProfileCache>? profiles = null)
    {
        ArgumentNullException.ThrowIfNull(addService);
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        addService(builder);

        var ownedDirectory = databaseFile is null ? Directory.CreateTempSubdirectory($"tailor-{service}-tests").FullName : null;
        var file = databaseFile ?? Path.Combine(ownedDirectory!, "tailor.db");
        builder.Services.AddSingleton(_ => new SqliteDatabase(file));
        builder.Services.AddSingleton(provider => Decorate<IEventStore>(new SqliteEventStore(provider.GetRequiredService<SqliteDatabase>()), events));
        builder.Services.AddSingleton(provider => Decorate<IDocumentStore>(new SqliteDocumentStore(provider.GetRequiredService<SqliteDatabase>()), documents));
        builder.Services.AddSingleton(_ => Decorate<IProfileCache>(new InMemoryProfileCache(), profiles));
        replace?.Invoke(builder.Services);

        builder.AddTailorTestBus(quietAfter);

        var host = builder.Build();
        var harness = new ConsumerHarness(host, ownedDirectory);
        await harness.Harness.Start();
        return harness;
    }

    /// <summary>
    /// Starts a service that trains a model, with <paramref name="options"/> in place of its bound options: its trainer
    /// reads them at each training, so a test may change the instance between trainings. Tests ask for each training
    /// themselves, so the retrain scheduler under <paramref name="retrainSection"/> is set to look only once a day.
    /// </summary>
    public static Task<ConsumerHarness> StartTrainingAsync<TOptions>(
        string service,
        Action<IHostApplicationBuilder> addService,
        string retrainSection,
        TOptions options,
        Func<IEventStore, IEventStore>? events = null,
        Func<IDocumentStore, IDocumentStore>? documents = null,
        Func<IProfileCache, IProfileCache>? profiles = null)
        where TOptions : class =>
        StartAsync(
            service,
            addService,
            new Dictionary<string, string?> { [$"{retrainSection}:CheckInterval"] = "1.00:00:00" },
            replace: services => services.AddSingleton(Options.Create(options)),
            events: events,
            documents: documents,
            profiles: profiles);

    public Task PublishAsync<T>(T message)
        where T : class =>
        Harness.Bus.Publish(message, TestContext.Current.CancellationToken);

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
                await Polling.WithinAsync(() => Consumed<T>(context => eventId(context.Context.Message) == id)),
                $"{typeof(T).Name} {id} was not consumed");
        }
    }

    /// <summary>Publishes the message and waits until this service's consumer has handled it without an error, retries included.</summary>
    public async Task<bool> DeliverThroughRetryAsync<T>(T message, Func<T, Guid> eventId)
        where T : class
    {
        await PublishAsync(message);
        var id = eventId(message);
        return await Polling.WithinAsync(() => Consumed<T>(context => eventId(context.Context.Message) == id && context.Exception is null));
    }

    /// <summary>Waits until exactly <paramref name="count"/> messages of <typeparamref name="T"/> were consumed.</summary>
    /// <remarks>
    /// Counts instead of using the harness's inactivity-bounded enumeration: once the harness has been idle, that
    /// enumeration stops early, and a test with several publish-and-wait phases would miss later messages.
    /// </remarks>
    public async Task WaitForConsumedAsync<T>(int count)
        where T : class
    {
        await Polling.WithinAsync(() => ConsumedCount<T>() >= count);
        Assert.Equal(count, ConsumedCount<T>());
    }

    /// <summary>
    /// Waits until at least <paramref name="count"/> deliveries of <typeparamref name="T"/> were consumed, for tests where
    /// a retried message counts once per attempt.
    /// </summary>
    public async Task WaitForConsumedAtLeastAsync<T>(int count)
        where T : class
    {
        await Polling.WithinAsync(() => ConsumedCount<T>() >= count);
        var consumed = ConsumedCount<T>();
        Assert.True(consumed >= count, $"Only {consumed} of {count} {typeof(T).Name} messages were consumed.");
    }

    /// <summary>Waits until a matching message is published, or the harness goes quiet without one.</summary>
    public Task<bool> WasPublishedAsync<T>(Func<T, bool>? filter = null)
        where T : class =>
        Harness.Published.Any<T>(context => filter?.Invoke(context.Context.Message) ?? true, TestContext.Current.CancellationToken);

    /// <summary>
    /// Waits until a matching message is published or <paramref name="timeout"/> passes, however long the bus stays
    /// quiet on the way (a training publishes nothing for seconds, which <see cref="WasPublishedAsync{T}"/> takes as the end).
    /// </summary>
    public Task<bool> PublishedWithinAsync<T>(Func<T, bool> filter, TimeSpan timeout)
        where T : class =>
        Polling.WithinAsync(() => Published<T>().Any(filter), timeout);

    /// <summary>
    /// Everything of <typeparamref name="T"/> published, once the bus has gone quiet. The harness stays "quiet" from then
    /// on and stops waiting for new messages, so call this (and <see cref="FaultPublishedAsync{T}"/>) after the last publish.
    /// </summary>
    public List<T> Published<T>()
        where T : class =>
        [.. Harness.Published.Select<T>(TestContext.Current.CancellationToken).Select(context => context.Context.Message)];

    public Task<bool> FaultPublishedAsync<T>()
        where T : class =>
        Harness.Published.Any<Fault<T>>(TestContext.Current.CancellationToken);

    private bool Consumed<T>(Func<IReceivedMessage<T>, bool> match)
        where T : class =>
        Harness.Consumed.Select<T>(TestContext.Current.CancellationToken).Any(match);

    private int ConsumedCount<T>()
        where T : class =>
        Harness.Consumed.Select<T>(TestContext.Current.CancellationToken).Count();

    private static T Decorate<T>(T store, Func<T, T>? decorator) => decorator is null ? store : decorator(store);

    public async ValueTask DisposeAsync()
    {
        await Harness.Stop();
        if (_host is IAsyncDisposable asyncHost)
        {
            await asyncHost.DisposeAsync();
        }
        else
        {
            _host.Dispose();
        }

        if (_ownedDirectory is not null)
        {
            Directory.Delete(_ownedDirectory, recursive: true);
        }
    }
}
