using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Tailor.Messaging;
using Tailor.Profiles.Rebuild;
using Tailor.Recommendation.Consumers;
using Tailor.Recommendation.Content;
using Tailor.Recommendation.Training;
using Tailor.Training;
using Tailor.Training.Consumers;

namespace Tailor.Recommendation;

public static class RecommendationRegistration
{
    /// <summary>
    /// The Recommendation service: options <c>Tailor:Recommendation</c> (retraining under <c>Tailor:Recommendation:Retrain</c>),
    /// its trainer and retrain scheduler, and its consumers. The host provides the stores, the profile cache and the bus.
    /// </summary>
    public static IHostApplicationBuilder AddRecommendation(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<RecommendationOptions>()
            .BindConfiguration(RecommendationOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<UserRecommendationsWriter>();
        builder.Services.AddStoredSliceRebuilder<StoredRecommendations, Profiles.RecommendationsSlice>(
            RecommendationStore.UserRecommendationsCollection, stored => new Profiles.RecommendationsSlice(stored.ModelVersion, stored.Items, stored.UpdatedAt));
        builder.Services.AddSingleton<ItemVectorIndex>();
        builder.Services.AddSingleton<ContentRecommendations>();
        builder.Services.AddSingleton<PurchasedItems>();
        builder.Services.AddSingleton<BoughtLeftOut>();
        builder.Services.AddSingleton<RecommendationSnapshots>();
        builder.Services.AddSingleton<RecommendationRollback>();
        builder.Services.AddRetraining<RecommendationTrainer>(RecommendationOptions.RetrainSection);

        builder.AddTailorConsumers("tailor-recommendation-consumers", bus =>
        {
            bus.AddConsumer<UserActivityTrackedConsumer, UserActivityTrackedConsumerDefinition>();
            bus.AddConsumer<UserIdentifiedConsumer, UserIdentifiedConsumerDefinition>();
            bus.AddConsumer<ItemEmbeddedConsumer, ItemEmbeddedConsumerDefinition>();
            bus.AddConsumer<UserInterestsUpdatedConsumer, UserInterestsUpdatedConsumerDefinition>();
            bus.AddConsumer<EmailsWrittenConsumer, EmailsWrittenConsumerDefinition>();
            bus.AddConsumer<UserTopicsUpdatedConsumer, UserTopicsUpdatedConsumerDefinition>();
            bus.AddConsumer<RecommenderRollbackRequestedConsumer, RecommenderRollbackRequestedConsumerDefinition>();
            bus.AddModelConsumers<RecommendationTrainer>();
        });

        return builder;
    }
}
