using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Tailor.Profiles;
using Tailor.Recommendation.Consumers;
using Tailor.Recommendation.Content;
using Tailor.Recommendation.Training;
using Tailor.Storage;
using Tailor.Testing;
using Tailor.Training;
using Tailor.Training.Consumers;

namespace Tailor.Recommendation.Tests;

/// <summary>
/// Recommendation's consumers on the shared test harness, with a small model so training is quick. The trainer reads
/// the options at each training, so a test may change the instance it passed between trainings.
/// </summary>
internal static class RecommendationHarness
{
    public static Task<ConsumerHarness> StartAsync(
        Func<IEventStore, IEventStore>? events = null,
        Func<IDocumentStore, IDocumentStore>? documents = null,
        Func<IProfileCache, IProfileCache>? profiles = null,
        RecommendationOptions? options = null) =>
        ConsumerHarness.StartAsync(
            "recommendation",
            services =>
            {
                services.AddSingleton(Options.Create(options ?? new RecommendationOptions { Factors = 8 }));
                services.AddSingleton<UserRecommendationsWriter>();
                services.AddSingleton<ItemVectorIndex>();
                services.AddSingleton<ContentRecommendations>();
                services.AddSingleton<RecommendationSnapshots>();
                services.AddSingleton<RecommendationRollback>();
                services.AddSingleton<RecommendationTrainer>();
                services.AddSingleton<ModelTraining<RecommendationTrainer>>();
            },
            bus =>
            {
                bus.AddConsumer<UserActivityTrackedConsumer, UserActivityTrackedConsumerDefinition>();
                bus.AddConsumer<UserIdentifiedConsumer, UserIdentifiedConsumerDefinition>();
                bus.AddConsumer<ItemEmbeddedConsumer, ItemEmbeddedConsumerDefinition>();
                bus.AddConsumer<UserInterestsUpdatedConsumer, UserInterestsUpdatedConsumerDefinition>();
                bus.AddConsumer<EmailsWrittenConsumer, EmailsWrittenConsumerDefinition>();
                bus.AddConsumer<UserTopicsUpdatedConsumer, UserTopicsUpdatedConsumerDefinition>();
                bus.AddConsumer<RecommenderRollbackRequestedConsumer, RecommenderRollbackRequestedConsumerDefinition>();
                bus.AddModelConsumers<RecommendationTrainer>();
            },
            events,
            documents,
            profiles);
}
