using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Tailor.Contracts;

namespace Tailor.Messaging.Tests;

/// <summary>
/// A generic host wired the way the Tailor host wires its bus: each "service" adds its consumers with
/// <see cref="TailorQueues.AddTailorConsumers"/> under its queue prefix, then <see cref="TailorBusExtensions.AddTailorBus"/> runs once.
/// </summary>
public sealed class BusHost : IAsyncDisposable
{
    private static readonly TimeSpan BusTimeout = TimeSpan.FromSeconds(30);

    private readonly IHost _host;
    private bool _stopped;

    private BusHost(IHost host) => _host = host;

    public Received<UserActivityTracked> Activities => _host.Services.GetRequiredService<Received<UserActivityTracked>>();

    public Received<Fault<UserActivityTracked>> Faults =>
        _host.Services.GetRequiredService<Received<Fault<UserActivityTracked>>>();

    /// <summary>The bus address: its scheme tells the transport (<c>loopback</c> in memory, <c>rabbitmq</c> otherwise).</summary>
    public Uri Address => _host.Services.GetRequiredService<IBus>().Address;

    /// <param name="rabbitMq">The <c>ConnectionStrings:rabbitmq</c> value; null leaves it empty (in-memory transport).</param>
    /// <param name="services">
    /// One queue prefix and consumer registration per service, as each service's registration entry point declares them.
    /// </param>
    public static async Task<BusHost> StartAsync(
        string? rabbitMq, CancellationToken cancellationToken, params (string QueuePrefix, Action<IBusRegistrationConfigurator> Consumers)[] services)
    {
        var builder = Host.CreateApplicationBuilder();
        // Set even when null: an ambient ConnectionStrings__rabbitmq variable must not switch the in-memory test to RabbitMQ.
        builder.Configuration[$"ConnectionStrings:{TailorBusExtensions.RabbitMqConnectionName}"] = rabbitMq ?? string.Empty;
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<Received<UserActivityTracked>>();
        builder.Services.AddSingleton<Received<Fault<UserActivityTracked>>>();
        // StartAsync returns only once the receive endpoints are bound, so nothing the test publishes next is lost.
        builder.Services.Configure<MassTransitHostOptions>(options =>
        {
            options.WaitUntilStarted = true;
            options.StartTimeout = BusTimeout;
            options.StopTimeout = BusTimeout;
        });

        foreach (var (queuePrefix, consumers) in services)
        {
            builder.AddTailorConsumers(queuePrefix, consumers);
        }

        builder.AddTailorBus();

        var host = builder.Build();
        try
        {
            await host.StartAsync(cancellationToken);
        }
        catch
        {
            host.Dispose();
            throw;
        }

        return new BusHost(host);
    }

    /// <summary>The queue (receive endpoint) the bus gave a consumer.</summary>
    public string QueueOf<TConsumer>()
        where TConsumer : class, IConsumer =>
        _host.Services.GetRequiredService<IEndpointNameFormatter>().Consumer<TConsumer>();

    public Task PublishAsync(UserActivityTracked message, CancellationToken cancellationToken) =>
        _host.Services.GetRequiredService<IBus>().Publish(message, cancellationToken);

    /// <summary>Stops the bus; in-flight messages are finished (and acknowledged) first.</summary>
    public async Task StopAsync()
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        await _host.StopAsync(CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        if (_host is IAsyncDisposable asyncDisposable)
        {
            await asyncDisposable.DisposeAsync();
        }
        else
        {
            _host.Dispose();
        }
    }
}
