using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Tailor.Messaging;
using Tailor.SampleSender.Consumers;
using Tailor.SampleSender.Delivery;
using Tailor.SampleSender.Diagnostics;
using Tailor.SampleSender.Scheduling;

namespace Tailor.SampleSender;

public static class SampleSenderRegistration
{
    /// <summary>
    /// Adds the sample sender: options from <c>Tailor:SampleSender</c> (validated at start), the <c>EmailReady</c>
    /// consumer on its own queue, SMTP delivery with MailKit, and the dispatcher of parked emails. The host provides the
    /// event store, the document store and the bus (<c>AddTailorStorage</c>, <c>AddTailorBus</c>).
    /// </summary>
    public static IHostApplicationBuilder AddSampleSender(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<SampleSenderOptions>()
            .BindConfiguration(SampleSenderOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<SampleSenderMetrics>();
        services.AddSingleton<SmtpMailer>();
        services.AddSingleton<EmailDelivery>();
        services.AddSingleton<ScheduledEmails>();
        services.AddHostedService<ScheduledEmailDispatcher>();

        builder.AddTailorConsumers("tailor-sample-sender", bus =>
        {
            bus.AddConsumer<EmailReadyConsumer, EmailReadyConsumerDefinition>();
            bus.AddConsumer<UserErasedConsumer, UserErasedConsumerDefinition>();
        });
        return builder;
    }
}
