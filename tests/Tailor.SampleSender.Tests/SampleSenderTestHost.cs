using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Tailor.Contracts;
using Tailor.Messaging;
using Tailor.SampleSender.Diagnostics;
using Tailor.Storage;
using Tailor.Storage.Sqlite;

namespace Tailor.SampleSender.Tests;

/// <summary>
/// The sample sender as <see cref="SampleSenderRegistration.AddSampleSender"/> registers it (its consumers applied to
/// MassTransit's test harness, its dispatcher of parked emails running), on a real SQLite file, a fake clock, and an
/// SMTP server in the test process.
/// </summary>
public sealed class SampleSenderTestHost : IAsyncDisposable
{
    /// <summary>What the tests configure: short hold and poll, a one-minute first backoff after an outage.</summary>
    public static readonly TimeSpan MaxHold = TimeSpan.FromMinutes(2);
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan OutageBackoff = TimeSpan.FromMinutes(1);

    private readonly IHost _host;
    private readonly string _directory;
    private readonly MeterListener _listener;
    private readonly ConcurrentQueue<string> _outcomes = new();

    private SampleSenderTestHost(IHost host, string directory)
    {
        _host = host;
        _directory = directory;
        Harness = host.Services.GetTestHarness();
        var meters = host.Services.GetRequiredService<IMeterFactory>();
        _listener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Scope == meters && instrument.Name == SampleSenderMetrics.EmailsInstrument)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        _listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "outcome")
                {
                    _outcomes.Enqueue((string)tag.Value!);
                }
            }
        });
        _listener.Start();
    }

    public ITestHarness Harness { get; }

    public FakeTimeProvider Clock => (FakeTimeProvider)_host.Services.GetRequiredService<TimeProvider>();

    public IEventStore Events => _host.Services.GetRequiredService<IEventStore>();

    public IDocumentStore Documents => _host.Services.GetRequiredService<IDocumentStore>();

    /// <summary>The outcomes counted by <c>tailor.sender.emails</c> so far (sent, duplicate, scheduled, smtp_unavailable, ...).</summary>
    public IReadOnlyList<string> Outcomes => [.. _outcomes];

    public static async Task<SampleSenderTestHost> StartAsync(int smtpPort, IDictionary<string, string?>? settings = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        var configuration = new Dictionary<string, string?>
        {
            ["Tailor:SampleSender:Host"] = "127.0.0.1",
            ["Tailor:SampleSender:Port"] = smtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Tailor:SampleSender:Security"] = "None",
            ["Tailor:SampleSender:Timeout"] = "00:00:05",
            ["Tailor:SampleSender:MaxHold"] = MaxHold.ToString(),
            ["Tailor:SampleSender:PollInterval"] = PollInterval.ToString(),
            ["Tailor:SampleSender:OutageBackoff"] = OutageBackoff.ToString(),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(configuration);
        builder.Services.AddSingleton<TimeProvider>(new FakeTimeProvider(TestEmails.Now));
        builder.AddSampleSender();

        var directory = Directory.CreateTempSubdirectory("tailor-samplesender-tests").FullName;
        builder.Services.AddSingleton(new SqliteDatabase(Path.Combine(directory, "tailor.db")));
        builder.Services.AddSingleton<IEventStore, SqliteEventStore>();
        builder.Services.AddSingleton<IDocumentStore, SqliteDocumentStore>();
        // The consumers exactly as AddSampleSender added them for the host's bus.
        var registrations = (BusRegistrations)((IHostApplicationBuilder)builder).Properties[typeof(BusRegistrations)];
        builder.Services.AddMassTransitTestHarness(bus =>
        {
            bus.SetTestTimeouts(testTimeout: TimeSpan.FromSeconds(60), testInactivityTimeout: TimeSpan.FromSeconds(1));
            registrations.ApplyTo(bus);
        });

        var host = builder.Build();
        var testHost = new SampleSenderTestHost(host, directory);
        await testHost.Harness.Start();
        return testHost;
    }

    public Task PublishAsync(EmailReady email) => Harness.Bus.Publish(email, TestContext.Current.CancellationToken);

    /// <summary>Waits until <paramref name="condition"/> holds, for at most <paramref name="seconds"/> of real time.</summary>
    public static async Task<bool> WithinAsync(Func<Task<bool>> condition, double seconds = 30)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            if (DateTime.UtcNow >= deadline)
            {
                return false;
            }

            await Task.Delay(20, TestContext.Current.CancellationToken);
        }

        return true;
    }

    public Task<bool> OutcomeWithinAsync(string outcome, int count = 1, double seconds = 30) =>
        WithinAsync(() => Task.FromResult(Outcomes.Count(counted => counted == outcome) >= count), seconds);

    /// <summary>Whether the email is parked in the document store, waiting to come due.</summary>
    public async Task<bool> IsParkedAsync(Guid emailId) =>
        await Documents.GetAsync(SampleSenderNames.ScheduledCollection, emailId.ToString("D"), TestContext.Current.CancellationToken) is not null;

    public Task<bool> WasRecordedAsSentAsync(Guid emailId) =>
        Events.ContainsAsync(SampleSenderNames.Stream, emailId, TestContext.Current.CancellationToken);

    public async Task<bool> FaultPublishedAsync() =>
        await Harness.Published.Any<Fault<EmailReady>>(TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        _listener.Dispose();
        await Harness.Stop();
        _host.Dispose();
        Directory.Delete(_directory, recursive: true);
    }
}
