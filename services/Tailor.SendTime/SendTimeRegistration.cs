using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Tailor.Messaging;
using Tailor.Profiles.Rebuild;
using Tailor.SendTime.Consumers;
using Tailor.SendTime.Diagnostics;
using Tailor.SendTime.Learning;
using Tailor.SendTime.Serving;

namespace Tailor.SendTime;

public static class SendTimeRegistration
{
    /// <summary>
    /// Adds the SendTime service: options from <c>Tailor:SendTime</c>, the learner and its consumers. The host provides
    /// the event store, the document store, the profile cache and the bus.
    /// </summary>
    public static IHostApplicationBuilder AddSendTime(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<SendTimeOptions>()
            .BindConfiguration(SendTimeOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<SendTimeMetrics>();
        services.AddSingleton<EvidenceWeights>();
        services.AddSingleton<SendTimeDocuments>();
        services.AddSingleton(provider => ServedPreference.Load(provider.GetRequiredService<IOptions<SendTimeOptions>>().Value.ModelDirectory));
        services.AddHostedService<ServedModelStartup>();
        services.AddSingleton<SendTimeSlices>();
        services.AddSingleton<SendTimeSliceWriter>();
        services.AddSingleton<UserEvidenceFold>();
        services.AddSingleton<SendTimeLearner>();
        services.AddSingleton<SendTimeRefresh>();
        services.AddProfileSliceRebuilder<Profiles.SendTimeSlice, SendTimeRefresh>((refresh, token) => refresh.RewriteSlicesAsync(token));
        services.AddSingleton<EvidenceBatch>();

        builder.AddTailorConsumers("tailor-send-time-consumers", bus =>
        {
            bus.AddConsumer<UserActivityTrackedConsumer, UserActivityTrackedConsumerDefinition>();
            bus.AddConsumer<EmailEngagedConsumer, EmailEngagedConsumerDefinition>();
            bus.AddConsumer<UserIdentifiedConsumer, UserIdentifiedConsumerDefinition>();
            bus.AddConsumer<DeviceTimeZoneObservedConsumer, DeviceTimeZoneObservedConsumerDefinition>();
            bus.AddConsumer<UserErasedConsumer, UserErasedConsumerDefinition>();
            bus.AddConsumer<ModelTrainingRequestedConsumer, ModelTrainingRequestedConsumerDefinition>();
        });
        return builder;
    }
}
