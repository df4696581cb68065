using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Tailor.Ingestion.Webhooks.Mailgun;
using Tailor.Ingestion.Webhooks.Postmark;
using Tailor.Ingestion.Webhooks.SendGrid;
using Tailor.Ingestion.Webhooks.Ses;
using Tailor.Links;
using Tailor.ServiceDefaults;

namespace Tailor.Ingestion.Webhooks;

internal static class WebhookRegistration
{
    /// <summary>The provider webhooks, their options (section <c>Tailor:Ingestion:Webhooks</c>) and the email ledger they correlate against.</summary>
    public static IServiceCollection AddIngestionWebhooks(this IServiceCollection services)
    {
        services.AddOptions<WebhookOptions>()
            .BindConfiguration(WebhookOptions.Section)
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
