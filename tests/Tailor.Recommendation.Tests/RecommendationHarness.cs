using Tailor.Profiles;
using Tailor.Storage;
using Tailor.Testing;

namespace Tailor.Recommendation.Tests;

/// <summary>Recommendation as <see cref="RecommendationRegistration.AddRecommendation"/> registers it, with a small model so training is quick.</summary>
internal static class RecommendationHarness
{
    public static Task<ConsumerHarness> StartAsync(
        Func<IEventStore, IEventStore>? events = null,
        Func<IDocumentStore, IDocumentStore>? documents = null,
        Func<IProfileCache, IProfileCache>? profiles = null,
        RecommendationOptions? options = null) =>
        ConsumerHarness.StartTrainingAsync(
            "recommendation",
            builder => builder.AddRecommendation(),
            RecommendationOptions.RetrainSection,
            options ?? new RecommendationOptions { Factors = 8 },
            events,
            documents,
            profiles);
}
