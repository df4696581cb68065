using System.Globalization;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Tailor.Messaging;
using Tailor.Storage;

namespace Tailor.SampleSender.Tests;

/// <summary>
/// The sender in a host of its own, wired the way a team would (storage, <c>AddSampleSender</c>, the Tailor bus: RabbitMQ
/// when <c>ConnectionStrings:rabbitmq</c> is set, in-memory otherwise), on a SQLite file of its own that goes with it.
/// </summary>
internal sealed class HostedSender : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly string _directory;

    private HostedSender(IHost host, string directory)
    {
        _host = host;
        _directory = directory;
    }

    public IServiceProvider Services => _host.Services;

    public IBus Bus => Services.GetRequiredService<IBus>();

    /// <param name="smtpPort">The SMTP server on 127.0.0.1, plain text.</param>
    /// <param name="settings">More configuration, such as the RabbitMQ connection string.</param>
    /// <param name="logs">Collects what the host logs, besides the console.</param>
    public static async Task<HostedSender> StartAsync(int smtpPort, IDictionary<string, string?>? settings = null, FakeLogCollector? logs = null)
    {
        var directory = Directory.CreateTempSubdirectory("tailor-samplesender-host").FullName;
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Development" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Tailor:Sqlite:Path"] = Path.Combine(directory, "tailor.db"),
            ["Tailor:SampleSender:Host"] = "127.0.0.1",
            ["Tailor:SampleSender:Port"] = smtpPort.ToString(CultureInfo.InvariantCulture),
            ["Tailor:SampleSender:Security"] = "None",
        });
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        if (logs is not null)
        {
            builder.Logging.AddProvider(new FakeLoggerProvider(logs));
        }

        builder.AddTailorStorage();
        builder.AddSampleSender();
        builder.AddTailorBus();
        var host = builder.Build();
        await host.StartAsync(TestContext.Current.CancellationToken);
        return new HostedSender(host, directory);
    }

    public Task<bool> WasRecordedAsSentAsync(Guid emailId) =>
        Services.GetRequiredService<IEventStore>().ContainsAsync(SampleSenderNames.Stream, emailId, TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _host.StopAsync(TestContext.Current.CancellationToken);
        }
        finally
        {
            _host.Dispose();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(_directory, recursive: true);
        }
    }
}
