using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Tailor.Profiles;
using Tailor.Storage;
using Tailor.Testing;
using Tailor.Topic.Consumers;
using Tailor.Topic.Training;
using Tailor.Training;
using Tailor.Training.Consumers;

namespace Tailor.Topic.Tests;

/// <summary>
/// Topic's consumers on the shared test harness, with two topics so training is quick. The trainer reads the options
/// at each training, so a test may change the instance it passed between trainings.
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
            services =>
            {
                services.AddSingleton(Options.Create(options ?? new TopicOptions { Topics = 2, TopWords = 4 }));
                services.AddSingleton<TopicTrainer>();
                services.AddSingleton<ModelTraining<TopicTrainer>>();
            },
            bus =>
            {
                bus.AddConsumer<UserActivityTrackedConsumer, UserActivityTrackedConsumerDefinition>();
                bus.AddModelConsumers<TopicTrainer>();
            },
            events,
            documents,
            profiles);
}
