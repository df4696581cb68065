using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Tailor.Ingestion.Webhooks.Mailgun;
using Tailor.Ingestion.Webhooks.Postmark;
using Tailor.Ingestion.Webhooks.SendGrid;
using Tailor.Ingestion.Webhooks.Ses;
using Tailor.Links;
using Tailor.OptionsValidation;
using Tailor.ServiceDefaults;

namespace Tailor.Ingestion.Webhooks;

internal static class WebhookRegistration
{
    /// <summary>The provider webhooks, their options (section <c>Tailor:Ingestion:Webhooks</c>) and the email ledger they correlate against.</summary>
    public static IServiceCollection AddIngestionWebhooks(this IServiceCollection services)
    {
        services.AddOptions<WebhookOptions>()
            .BindConfiguration(WebhookOptions.Section)
            .Configure<IConfiguration>((options, configuration) =>
            {
                // A configured list replaces the defaults rather than adding to them, so an operator can narrow them.
                options.SesConfirmationHosts = ConfiguredList.Read<string>(configuration, $"{WebhookOptions.Section}:{nameof(WebhookOptions.SesConfirmationHosts)}")?.ToList() ?? options.SesConfirmationHosts;
                options.MachineOpenUserAgents = ConfiguredList.Read<string>(configuration, $"{WebhookOptions.Section}:{nameof(WebhookOptions.MachineOpenUserAgents)}")?.ToList() ?? options.MachineOpenUserAgents;
                options.MachineOpenUserAgentFragments = ConfiguredList.Read<string>(configuration, $"{WebhookOptions.Section}:{nameof(WebhookOptions.MachineOpenUserAgentFragments)}")?.ToList() ?? options.MachineOpenUserAgentFragments;
            })
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<WebhookOptions>, WebhookOptionsValidation>();
        services.AddHostedService<WebhookConfigurationReport>();
        services.AddHttpClient<SnsSubscriptionConfirmer>();
        services.AddSingleton<MachineOpens>();
        services.AddScoped<SendGridWebhook>();
        services.AddScoped<MailgunWebhook>();
        services.AddScoped<SesWebhook>();
        services.AddScoped<PostmarkWebhook>();
        services.AddLinkSignature();
        services.AddScoped<WebhookIngestor>();
        services.AddScoped<WebhookReceiver>();
        services.AddSingleton<IEndpointModule, WebhookEndpoints>();
        return services;
    }
}
