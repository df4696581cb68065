using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Hosting;
using Tailor.Contracts;
using Tailor.Messaging.Diagnostics;
using Tailor.Messaging.Rules;

namespace Tailor.Messaging;

public static class TailorBusExtensions
{
    /// <summary>The connection string that switches the transport from in-memory to RabbitMQ.</summary>
    public const string RabbitMqConnectionName = "rabbitmq";

    private static readonly object RegistrationsKey = typeof(BusRegistrations);

    /// <summary>Adds consumers to this process's bus; services call <see cref="TailorQueues.AddTailorConsumers"/>, which names their queues.</summary>
    internal static IHostApplicationBuilder AddTailorConsumers(
        this IHostApplicationBuilder builder, Action<IBusRegistrationConfigurator> registration)
    {
        GetTailorConsumers(builder).Add(registration);
        AddMessageRuleOptions(builder.Services);
        return builder;
    }

    /// <summary>
    /// The consumers the services registered so far, for a bus configured elsewhere than <see cref="AddTailorBus"/>
    /// (a test harness), so that it runs exactly the consumers the host would.
    /// </summary>
    public static BusRegistrations GetTailorConsumers(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (!builder.Properties.TryGetValue(RegistrationsKey, out var value))
        {
            value = new BusRegistrations();
            builder.Properties[RegistrationsKey] = value;
        }

        return (BusRegistrations)value;
    }

    /// <summary>
    /// The accepted times and property counts every consumer's <see cref="MessageRulesFilter"/> reads, once however
    /// many services add consumers to this process, validated at start like every service's options.
    /// </summary>
    private static void AddMessageRuleOptions(IServiceCollection services)
    {
        AddValidatedOnce<EventTimeOptions>(services, EventTimeOptions.Section);
        AddValidatedOnce<PropertyCountOptions>(services, PropertyCountOptions.Section);
        services.TryAddSingleton(TimeProvider.System);
    }

    private static void AddValidatedOnce<TOptions>(IServiceCollection services, string section)
        where TOptions : class
    {
        if (services.Any(descriptor => descriptor.ServiceType == typeof(IValidateOptions<TOptions>)))
        {
            return;
        }

        services.AddOptions<TOptions>()
            .BindConfiguration(section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
    }

    /// <summary>
    /// Configures MassTransit once, with every consumer the services added: RabbitMQ when
    /// <c>ConnectionStrings:rabbitmq</c> is set (for example <c>amqp://guest:guest@localhost:5672</c>), else in-memory.
    /// </summary>
    public static IHostApplicationBuilder AddTailorBus(this IHostApplicationBuilder builder)
    {
        var registrations = GetTailorConsumers(builder);
        var rabbitMq = builder.Configuration.GetConnectionString(RabbitMqConnectionName);
        var broker = string.IsNullOrWhiteSpace(rabbitMq) ? null : ParseRabbitMqUri(rabbitMq);

        builder.Services.AddMassTransit(bus =>
        {
            // MassTransit reports the host's versions and time zone to its vendor unless told not to. Tailor holds
            // customers' data and sends its telemetry only to the operator's own collector; a host without internet
            // access would also log a failed report with a stack trace at every start.
            bus.DisableUsageTelemetry();
            bus.UseTailorQueueNames();
            registrations.ApplyTo(bus);

            if (broker is null)
            {
                bus.UsingInMemory((context, transport) =>
                {
                    transport.UseTailorPublishTopology();
                    transport.UseConsumeFilter(typeof(ProfileWriteCauseFilter<>), context);
                    transport.ConfigureEndpoints(context);
                });
            }
            else
            {
                bus.UsingRabbitMq((context, transport) =>
                {
                    transport.Host(broker);
                    transport.UseTailorPublishTopology();
                    transport.UseConsumeFilter(typeof(ProfileWriteCauseFilter<>), context);
                    transport.ConfigureEndpoints(context);
                });
                bus.AddReceiveEndpointObserver<QueueDepthEndpoints>();
            }
        });

        // Queue depth only means something on a broker that other processes share; in-memory queues die with the process.
        if (broker is not null)
        {
            builder.Services.AddSingleton<QueueDepthEndpoints>();
            builder.Services.AddHostedService(provider => ActivatorUtilities.CreateInstance<QueueDepthMonitor>(provider, broker));
        }

        // Start-up completes only once every queue is bound, so nothing published right after start is missed.
        builder.Services.Configure<MassTransitHostOptions>(options => options.WaitUntilStarted = true);
        return builder;
    }

    /// <summary>
    /// Reads <c>ConnectionStrings:rabbitmq</c> when the process starts; otherwise a value that is not a URI fails inside
    /// MassTransit's start with a bare <see cref="UriFormatException"/>. The value is not repeated: it may hold a password.
    /// </summary>
    private static Uri ParseRabbitMqUri(string connectionString)
    {
        if (!Uri.TryCreate(connectionString, UriKind.Absolute, out var uri)
            || uri.Scheme is not ("amqp" or "amqps" or "rabbitmq" or "rabbitmqs") || string.IsNullOrEmpty(uri.Host))
        {
            throw new ArgumentException(
                $"ConnectionStrings:{RabbitMqConnectionName} is not an AMQP URI; give amqp://user:password@host:5672[/vhost] (or amqps:// for TLS).");
        }

        return uri;
    }

    /// <summary>
    /// What Tailor's buses publish beyond MassTransit's defaults: <see cref="IUserEvent"/> is a shape the contracts
    /// share, not a message anyone consumes, so publishing a user event declares no exchange for it and binds the
    /// event's own exchange to none (MassTransit would make one per implemented interface). The envelope's
    /// <c>messageType</c> still lists it, after the concrete type. A bus that publishes Tailor's events from outside
    /// the host (the bench's probes, a test's publisher) calls this too, so it leaves the broker as the host does.
    /// </summary>
    public static void UseTailorPublishTopology(this IBusFactoryConfigurator transport)
    {
        ArgumentNullException.ThrowIfNull(transport);
        transport.Publish<IUserEvent>(topology => topology.Exclude = true);
    }

    public static bool UsesRabbitMq(this IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration.GetConnectionString(RabbitMqConnectionName));
}
