using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Tailor.Messaging;
using Tailor.Profiles;
using Tailor.Topic.Training;
using Tailor.Storage;
using Tailor.Training;

namespace Tailor.Topic.Tests;

public class TopicRegistrationTests
{
    [Fact]
    public async Task AddTopic_starts_with_its_options_and_retrain_scheduler()
    {
        using var host = Build(new Dictionary<string, string?> { ["Tailor:Topic:Topics"] = "12", ["Tailor:Topic:Retrain:MinNewEvents"] = "500" });

        await host.StartAsync(TestContext.Current.CancellationToken);

        Assert.Equal(12, host.Services.GetRequiredService<IOptions<TopicOptions>>().Value.Topics);
        var retrain = host.Services.GetRequiredService<IOptionsMonitor<RetrainOptions>>().Get(RetrainScheduler<TopicTrainer>.OptionsName);
        Assert.Equal(500, retrain.MinNewEvents);
        Assert.Contains(host.Services.GetServices<IHostedService>(), service => service is RetrainScheduler<TopicTrainer>);
        await host.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task AddTopic_refuses_to_start_with_invalid_options()
    {
        using var host = Build(new Dictionary<string, string?> { ["Tailor:Topic:Topics"] = "1" });

        await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public void AddTopic_takes_configured_topic_candidates_instead_of_the_defaults()
    {
        using var host = Build(new Dictionary<string, string?> { ["Tailor:Topic:TopicCandidates:0"] = "3", ["Tailor:Topic:TopicCandidates:1"] = "5" });

        Assert.Equal([3, 5], host.Services.GetRequiredService<IOptions<TopicOptions>>().Value.TopicCandidates);
    }

    [Fact]
    public void AddTopic_keeps_the_default_topic_candidates_when_none_are_configured()
    {
        using var host = Build([]);

        Assert.Equal([4, 6, 8, 10, 12], host.Services.GetRequiredService<IOptions<TopicOptions>>().Value.TopicCandidates);
    }

    [Fact]
    public void AddTopic_refuses_a_topic_candidate_that_is_not_a_number_naming_it()
    {
        using var host = Build(new Dictionary<string, string?> { ["Tailor:Topic:TopicCandidates:0"] = "6", ["Tailor:Topic:TopicCandidates:1"] = "ten" });

        var refused = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<TopicOptions>>().Value);

        Assert.Equal("Tailor:Topic:TopicCandidates:1 'ten' is not a whole number.", Assert.Single(refused.Failures));
    }

    private static IHost Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder();
        settings["Tailor:Sqlite:Path"] = Path.Combine(Directory.CreateTempSubdirectory("tailor-topic-host").FullName, "tailor.db");
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddTailorStorage();
        builder.AddTailorProfiles();
        builder.AddTopic();
        builder.AddTailorBus();
        return builder.Build();
    }
}
