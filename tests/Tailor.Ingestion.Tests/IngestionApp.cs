using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MassTransit;
using MassTransit.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Configuration;
using Tailor.Ingestion.Security;
using Tailor.Profiles;
using Tailor.Profiles.InMemory;
using Tailor.ServiceDefaults;
using Tailor.Storage;
using Tailor.Storage.Sqlite;
using Tailor.Testing;

namespace Tailor.Ingestion.Tests;

/// <summary>
/// Ingestion as the host runs it, on a test server (or, where a test needs what only a real server does with the bytes
/// on the wire, on Kestrel at 127.0.0.1 on a free port): a real SQLite file, the in-process profile cache and
/// MassTransit's test harness as the bus. One per test, so no test sees another's events.
/// </summary>
internal sealed class IngestionApp : IAsyncDisposable
{
    public static readonly DateTimeOffset Now = new(2024, 3, 5, 10, 0, 0, TimeSpan.Zero);

    /// <summary>A configured key with every scope; the default <see cref="Client"/> sends it.</summary>
    public static readonly string AllScopesKey = ApiKeys.Create();

    private readonly WebApplication _app;
    private readonly SqliteDatabase _database;
    private readonly string? _directory;

    private IngestionApp(WebApplication app, SqliteDatabase database, string? directory, FakeLogCollector logs, Uri? kestrel)
    {
        _app = app;
        _database = database;
        _directory = directory;
        Logs = logs;
        Address = kestrel;
        Client = AnonymousClient();
        Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AllScopesKey);
    }

    public HttpClient Client { get; }

    /// <summary>Where Kestrel listens (for a raw socket); null on the test server.</summary>
    public Uri? Address { get; }

    /// <summary>Everything the app logged.</summary>
    public FakeLogCollector Logs { get; }

    /// <summary>A client that sends no API key (webhooks, authentication tests).</summary>
    public HttpClient AnonymousClient() => Address is null ? _app.GetTestClient() : new HttpClient { BaseAddress = Address };

    public IServiceProvider Services => _app.Services;

    public ITestHarness Harness => _app.Services.GetRequiredService<ITestHarness>();

    public IEventStore Events => _app.Services.GetRequiredService<IEventStore>();

    public IDocumentStore Documents => _app.Services.GetRequiredService<IDocumentStore>();

    public IProfileCache Profiles => _app.Services.GetRequiredService<IProfileCache>();

    /// <param name="replace">Swaps in other services (a failing store) after the defaults are registered.</param>
    /// <param name="configure">Sets configuration keys (under <c>Tailor:Ingestion</c> and elsewhere) before Ingestion reads them.</param>
    /// <param name="kestrel">Listens with Kestrel on a free port of 127.0.0.1 instead of the test server.</param>
    /// <param name="replicaOf">
    /// Starts a second replica of that app, as a second process would be: its own host, bus and
    /// <see cref="SqliteDatabase"/> (so its own write gate) on the other's file, and the other's profile cache (the Redis
    /// replicas share). Dispose it before the app it replicates, which owns the file.
    /// </param>
    /// <param name="now">The replica's clock; two machines' clocks differ.</param>
    /// <param name="otherServices">Adds consumers that stand in for another service's answers, before the bus is built.</param>
    /// <param name="configuredKey">
    /// Configures <see cref="AllScopesKey"/>; false starts Ingestion as a plain <c>serve</c> does, with no key in
    /// configuration (the <see cref="Client"/> then sends a key nothing knows).
    /// </param>
    public static async Task<IngestionApp> StartAsync(
        Action<IServiceCollection>? replace = null,
        IReadOnlyDictionary<string, string?>? configure = null,
        bool kestrel = false,
        IngestionApp? replicaOf = null,
        DateTimeOffset? now = null,
        Action<IHostApplicationBuilder>? otherServices = null,
        bool configuredKey = true)
    {
        var directory = replicaOf is null ? Path.Combine(Path.GetTempPath(), "tailor-ingestion-tests", Guid.NewGuid().ToString("N")) : null;
        var database = new SqliteDatabase(replicaOf?._database.FilePath ?? Path.Combine(directory!, "tailor.db"));

        var builder = WebApplication.CreateBuilder();
        if (kestrel)
        {
            builder.WebHost.UseUrls("http://127.0.0.1:0");
        }
        else
        {
            builder.WebHost.UseTestServer();
        }

        var logs = new FakeLogCollector();
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(new FakeLoggerProvider(logs));
        builder.Configuration["Tailor:Ingestion:MaxBatchItems"] = "300";
        if (configuredKey)
        {
            builder.Configuration["Tailor:Ingestion:ApiKeys:0:Client"] = "tests";
            builder.Configuration["Tailor:Ingestion:ApiKeys:0:KeyHash"] = ApiKeys.Hash(AllScopesKey);
            for (var index = 0; index < ApiScopes.All.Count; index++)
            {
                builder.Configuration[$"Tailor:Ingestion:ApiKeys:0:Scopes:{index}"] = ApiScopes.All[index];
            }
        }

        builder.Configuration.AddInMemoryCollection(configure ?? new Dictionary<string, string?>());
        builder.Services.AddSingleton<TimeProvider>(new FixedTimeProvider(now ?? Now));
        builder.Services.AddSingleton(database);
        builder.Services.AddSingleton<IEventStore, SqliteEventStore>();
        builder.Services.AddSingleton<IDocumentStore, SqliteDocumentStore>();
        if (replicaOf is null)
        {
            builder.Services.AddSingleton<IProfileCache, InMemoryProfileCache>();
        }
        else
        {
            builder.Services.AddSingleton(replicaOf.Profiles);
        }
        builder.AddIngestion();
        otherServices?.Invoke(builder);
        builder.AddTailorTestBus(quietAfter: TimeSpan.FromMilliseconds(300), testTimeout: TimeSpan.FromSeconds(20));
        replace?.Invoke(builder.Services);

        var app = builder.Build();
        app.UseServiceDefaults();
        app.MapServiceEndpoints();
        await app.StartAsync(TestContext.Current.CancellationToken);
        return new IngestionApp(app, database, directory, logs, kestrel ? new Uri(app.Urls.First()) : null);
    }

    public Task<HttpResponseMessage> PostAsync(string path, object body) =>
        Client.PostAsJsonAsync(path, body, TestContext.Current.CancellationToken);

    public Task<HttpResponseMessage> PostRawAsync(string path, string json) =>
        Client.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

    /// <summary>Messages of one type the bus has seen published so far (publishing completes before the HTTP answer).</summary>
    public IReadOnlyList<T> Published<T>()
        where T : class =>
        [.. Harness.Published.Select<T>(TestContext.Current.CancellationToken).Select(published => published.Context.Message)];

    /// <summary>The contact book's record of the user (details, consent and groups, each with its time).</summary>
    public async Task<Contacts.ContactRecord> ContactAsync(string userId) =>
        (await Documents.FindAsync<Contacts.ContactRecord>(Accepting.IngestionStorage.ContactsCollection, userId, TestContext.Current.CancellationToken))!;

    public async Task<IReadOnlyList<T>> RecordedAsync<T>()
        where T : class =>
        await Events.ReadMessagesAsync<T>(new EventQuery("ingestion"), TestContext.Current.CancellationToken)
            .ToListAsync(TestContext.Current.CancellationToken);

    /// <summary>
    /// Waits until a matching message has been consumed. The harness's own wait ends after a short quiet spell, which
    /// a busy machine running the whole suite can reach before the in-memory consumer even starts; this keeps asking.
    /// </summary>
    public Task<bool> ConsumedAsync<T>(Func<T, bool>? filter = null)
        where T : class =>
        Polling.WithinAsync(() => Harness.Consumed.Select<T>(TestContext.Current.CancellationToken).Any(consumed => filter?.Invoke(consumed.Context.Message) ?? true));

    public async Task<bool> AnyFaultPublishedAsync() =>
        await Harness.Published.Any<Fault>(TestContext.Current.CancellationToken);

    public static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
        _database.Dispose();
        if (_directory is not null)
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
