using Microsoft.Extensions.DependencyInjection;

namespace Tailor.Ingestion.Engagements;

internal static class EarlyEngagementRegistration
{
    /// <summary>Holding engagements that arrive before their email, with their options (section <c>Tailor:Ingestion:EarlyEngagements</c>) and the sweep.</summary>
    public static IServiceCollection AddEarlyEngagements(this IServiceCollection services)
    {
        services.AddOptions<EarlyEngagementOptions>()
            .BindConfiguration(EarlyEngagementOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        // Scoped: it accepts through the request's (or consume context's) AcceptedMessageLog.
        services.AddScoped<EarlyEngagements>();
        services.AddSingleton<HeldEngagementSweep>();
        services.AddHostedService(provider => provider.GetRequiredService<HeldEngagementSweep>());
        return services;
    }
}
