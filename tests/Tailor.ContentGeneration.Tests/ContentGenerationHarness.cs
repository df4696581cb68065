using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Tailor.Contracts;
using Tailor.Testing;

namespace Tailor.ContentGeneration.Tests;

/// <summary>
/// ContentGeneration as <see cref="ContentGenerationRegistration.AddContentGeneration"/> registers it, on the shared
/// <see cref="ConsumerHarness"/>, with test links and small fan-out chunks and pages.
/// </summary>
internal static class ContentGenerationHarness
{
    public const string TrackingBaseUrl = "https://click.shop.test";
    public const string UnsubscribeBaseUrl = "https://unsubscribe.shop.test/";
    public const string UnsubscribeMailbox = "leave@shop.test";

    /// <param name="settings">More configuration, such as a language model to write with.</param>
    /// <param name="logs">Collects what the service logs, for a test of what an operator is told.</param>
    public static Task<ConsumerHarness> StartAsync(IReadOnlyDictionary<string, string?>? settings = null, FakeLogCollector? logs = null)
    {
        var configuration = new Dictionary<string, string?>
        {
            ["Tailor:ContentGeneration:TrackingBaseUrl"] = TrackingBaseUrl,
            ["Tailor:ContentGeneration:UnsubscribeBaseUrl"] = UnsubscribeBaseUrl,
            ["Tailor:ContentGeneration:UnsubscribeMailbox"] = UnsubscribeMailbox,
            // Small chunks and pages, so a test audience spans several PublishBatch calls and pages.
            ["Tailor:ContentGeneration:FanOutChunkSize"] = "3",
            ["Tailor:ContentGeneration:PersonalizeBatchLimit"] = "2",
            // The tests' send windows are fixed in January 2030, so that every run plans the same hours; the bus refuses a
            // window ending further ahead than this (EventTimeOptions), 365 days by default.
            ["Tailor:Ingestion:MaxSendWindowAhead"] = "3650.00:00:00",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        return ConsumerHarness.StartAsync(
            "contentgeneration",
            builder => builder.AddContentGeneration(),
            configuration,
            replace: logs is null ? null : services => services.AddLogging(logging => logging.AddProvider(new FakeLoggerProvider(logs))),
            quietAfter: TimeSpan.FromSeconds(1));
    }

    /// <summary>ContentGeneration writing with the language model <paramref name="model"/> serves.</summary>
    public static Task<ConsumerHarness> StartWithModelAsync(FakeChatCompletionsServer model) =>
        StartAsync(new Dictionary<string, string?>
        {
            ["Tailor:ContentGeneration:LanguageModel:Provider"] = "OpenAI",
            ["Tailor:ContentGeneration:LanguageModel:Endpoint"] = model.Endpoint,
            ["Tailor:ContentGeneration:LanguageModel:Model"] = "test-model",
            ["Tailor:ContentGeneration:LanguageModel:ApiKey"] = "test-key",
        });

    extension(ConsumerHarness host)
    {
        /// <summary>Publishes the commands as one page of a fan-out, as ContentGeneration publishes them to itself.</summary>
        public Task PublishPageAsync(params PersonalizeEmail[] commands) =>
            host.PublishAsync(new PersonalizeEmails(Guid.NewGuid(), DateTimeOffset.UtcNow, commands[0].CampaignId, commands));

        /// <summary>Waits until pages holding <paramref name="count"/> commands in all were consumed.</summary>
        public async Task WaitForCommandsAsync(int count)
        {
            var cancellationToken = TestContext.Current.CancellationToken;
            int Consumed() => host.Harness.Consumed.Select<PersonalizeEmails>(cancellationToken).Sum(page => page.Context.Message.Commands.Count);
            await Polling.WithinAsync(() => Consumed() >= count);
            Assert.Equal(count, Consumed());
        }

        /// <summary>Every command the fan-out published, across its pages.</summary>
        public List<PersonalizeEmail> PublishedCommands() => [.. host.Published<PersonalizeEmails>().SelectMany(page => page.Commands)];
    }
}
