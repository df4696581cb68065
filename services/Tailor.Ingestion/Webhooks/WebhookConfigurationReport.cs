using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Tailor.Ingestion.Webhooks;

/// <summary>Says at start when SendGrid events are taken unsigned, the one webhook open without a secret.</summary>
internal sealed class WebhookConfigurationReport(IOptions<WebhookOptions> options, ILogger<WebhookConfigurationReport> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(options.Value.SendGridPublicKey))
        {
            Log.SendGridUnsigned(logger);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
