using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Tailor.Messaging;
using Tailor.OptionsValidation;
using Tailor.Profiles.Rebuild;
using Tailor.Topic.Consumers;
using Tailor.Topic.Training;
using Tailor.Training;
using Tailor.Training.Consumers;

namespace Tailor.Topic;

public static class TopicRegistration
{
    /// <summary>
    /// The Topic service: options <c>Tailor:Topic</c> (retraining under <c>Tailor:Topic:Retrain</c>), its trainer and
    /// retrain scheduler, and its consumers. The host provides the stores, the profile cache and the bus.
    /// </summary>
    public static IHostApplicationBuilder AddTopic(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<TopicOptions>()
            .BindConfiguration(TopicOptions.Section)
            .Configure<IConfiguration>((options, configuration) =>
                options.TopicCandidates = ConfiguredList.Read<int>(configuration, $"{TopicOptions.Section}:{nameof(TopicOptions.TopicCandidates)}") ?? options.TopicCandidates)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddRetraining<TopicTrainer>(TopicOptions.RetrainSection);
        builder.Services.AddStoredSliceRebuilder<Profiles.TopicsSlice, Profiles.TopicsSlice>(TopicStore.UserTopicsCollection, slice => slice);

        builder.AddTailorConsumers("tailor-topic-consumers", bus =>
        {
            bus.AddConsumer<UserActivityTrackedConsumer, UserActivityTrackedConsumerDefinition>();
            bus.AddModelConsumers<TopicTrainer>();
        });

        return builder;
    }
}
