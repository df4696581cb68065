using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Tailor.Profiles;
using Tailor.Storage;
using Tailor.Testing;

namespace Tailor.Recommendation.Tests;

/// <summary>
/// Recommendation as <see cref="RecommendationRegistration.AddRecommendation"/> registers it, on the shared
/// <see cref="ConsumerHarness"/>, with a small model so training is quick. The trainer reads the options at each
/// training, so a test may change the instance it passed between trainings.
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
            builder => builder.AddRecommendation(),
            // Tests ask for each training themselves; the scheduler would add trainings of its own.
            new Dictionary<string, string?> { [$"{RecommendationOptions.RetrainSection}:CheckInterval"] = "1.00:00:00" },
            replace: services => services.AddSingleton(Options.Create(options ?? new RecommendationOptions { Factors = 8 })),
            events: events,
            documents: documents,
            profiles: profiles);
}
