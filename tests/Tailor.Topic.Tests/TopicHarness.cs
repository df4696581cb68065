using Tailor.Profiles;
using Tailor.Storage;
using Tailor.Testing;

namespace Tailor.Topic.Tests;

/// <summary>Topic as <see cref="TopicRegistration.AddTopic"/> registers it, with two topics so training is quick.</summary>
internal static class TopicHarness
{
    public static Task<ConsumerHarness> StartAsync(
        Func<IEventStore, IEventStore>? events = null,
        Func<IDocumentStore, IDocumentStore>? documents = null,
        Func<IProfileCache, IProfileCache>? profiles = null,
        TopicOptions? options = null) =>
        ConsumerHarness.StartTrainingAsync(
            "topic", builder => builder.AddTopic(), TopicOptions.RetrainSection, options ?? new TopicOptions { Topics = 2, TopWords = 4 }, events, documents, profiles);
}
