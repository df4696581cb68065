using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Tailor.Messaging;
using Tailor.Profiles;
using Tailor.Recommendation.Training;
using Tailor.Storage;
using Tailor.Training;

namespace Tailor.Recommendation.Tests;

public class RecommendationRegistrationTests
{
    [Fact]
    public async Task AddRecommendation_starts_with_its_options_and_retrain_scheduler()
    {
        using var host = Build(new Dictionary<string, string?> { ["Tailor:Recommendation:TopN"] = "8", ["Tailor:Recommendation:Retrain:MinNewEvents"] = "500" });

        await host.StartAsync(TestContext.Current.CancellationToken);

        Assert.Equal(8, host.Services.GetRequiredService<IOptions<RecommendationOptions>>().Value.TopN);
        var retrain = host.Services.GetRequiredService<IOptionsMonitor<RetrainOptions>>().Get(RetrainScheduler<RecommendationTrainer>.OptionsName);
        Assert.Equal(500, retrain.MinNewEvents);
        Assert.Contains(host.Services.GetServices<IHostedService>(), service => service is RetrainScheduler<RecommendationTrainer>);
        await host.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task AddRecommendation_refuses_to_start_with_invalid_options()
    {
        using var host = Build(new Dictionary<string, string?> { ["Tailor:Recommendation:TopN"] = "0" });

        await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));
    }

    private static IHost Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder();
        settings["Tailor:Sqlite:Path"] = Path.Combine(Directory.CreateTempSubdirectory("tailor-recommendation-host").FullName, "tailor.db");
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddTailorStorage();
        builder.AddTailorProfiles();
        builder.AddRecommendation();
        builder.AddTailorBus();
        return builder.Build();
    }
}
