using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Tailor.Profiles;
using Tailor.Storage;
using Tailor.Testing;

namespace Tailor.Topic.Tests;

/// <summary>
/// Topic as <see cref="TopicRegistration.AddTopic"/> registers it, on the shared <see cref="ConsumerHarness"/>, with two
/// topics so training is quick. The trainer reads the options at each training, so a test may change the instance it
/// passed between trainings.
/// </summary>
internal static class TopicHarness
{
    public static Task<ConsumerHarness> StartAsync(
        Func<IEventStore, IEventStore>? events = null,
        Func<IDocumentStore, IDocumentStore>? documents = null,
        Func<IProfileCache, IProfileCache>? profiles = null,
        TopicOptions? options = null) =>
        ConsumerHarness.StartAsync(
            "topic",
            builder => builder.AddTopic(),
            // Tests ask for each training themselves; the scheduler would add trainings of its own.
            new Dictionary<string, string?> { [$"{TopicOptions.RetrainSection}:CheckInterval"] = "1.00:00:00" },
            replace: services => services.AddSingleton(Options.Create(options ?? new TopicOptions { Topics = 2, TopWords = 4 })),
            events: events,
            documents: documents,
            profiles: profiles);
}
