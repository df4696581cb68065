using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Tailor.ContentGeneration.Campaigns;
using Tailor.ContentGeneration.Catalog;
using Tailor.ContentGeneration.Composition;
using Tailor.ContentGeneration.Consumers;
using Tailor.ContentGeneration.Control;
using Tailor.ContentGeneration.Diagnostics;
using Tailor.ContentGeneration.Frequency;
using Tailor.ContentGeneration.Generation;
using Tailor.ContentGeneration.Personalization;
using Tailor.ContentGeneration.Subjects;
using Tailor.Links;
using Tailor.Messaging;
using Tailor.Profiles;
using Tailor.Training.Consumers;

namespace Tailor.ContentGeneration;

public static class ContentGenerationRegistration
{
    /// <summary>
    /// Adds the ContentGeneration service: options from <c>Tailor:ContentGeneration</c>, the template composer, the
    /// campaign fan-out, the frequency caps and its consumers (its catalog copy's among them). The host provides the event store, document store, profile cache and bus.
    /// </summary>
    public static IHostApplicationBuilder AddContentGeneration(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<ContentGenerationOptions>()
            .BindConfiguration(ContentGenerationOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<ContentGenerationOptions>, ConfiguredFrequencyCaps>();

        services.AddMetrics();
        services.AddOptions<SendScheduleOptions>()
            .BindConfiguration(SendScheduleOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<AccountClockOptions>()
            .BindConfiguration(AccountClockOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ContentGenerationMetrics>();
        services.AddLinkSignature();
        services.AddSingleton<EmailLinks>();
        services.AddSingleton<EmailEnvelope>();
        services.AddSingleton<EmailLayout>();
        services.AddHostedService<SenderIdentityReport>();
        services.AddSingleton<TemplateComposer>();
        services.AddOptions<LanguageModelOptions>()
            .BindConfiguration(LanguageModelOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<LanguageModelWriter>();
        services.AddOptions<SubjectBanditOptions>()
            .BindConfiguration(SubjectBanditOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<SubjectBandit>();
        services.AddSingleton<EmailWriter>();
        services.AddSingleton<Bestsellers>();
        services.AddSingleton<EmailCatalog>();
        services.AddSingleton<ControlEmailComposer>();
        services.AddSingleton<EmailPersonalizer>();
        services.AddSingleton<CampaignFanOut>();
        services.AddSingleton(provider => new FrequencyPolicy(provider.GetRequiredService<IOptions<ContentGenerationOptions>>().Value));
        services.AddSingleton<FrequencyGuard>();

        builder.AddTailorConsumers("tailor-content-generation-consumers", bus =>
        {
            bus.AddConsumer<CampaignRequestedConsumer, CampaignRequestedConsumerDefinition>();
            bus.AddConsumer<PersonalizeEmailConsumer, PersonalizeEmailConsumerDefinition>();
            bus.AddConsumer<EmailEngagedConsumer, EmailEngagedConsumerDefinition>();
            bus.AddConsumer<UserErasedConsumer, UserErasedConsumerDefinition>();
            bus.AddConsumer<RecommenderTrainedConsumer, RecommenderTrainedConsumerDefinition>();
            bus.AddConsumer<CatalogItemUpsertedConsumer<EmailCatalog>, CatalogItemUpsertedConsumerDefinition<EmailCatalog>>();
        });
        return builder;
    }
}
