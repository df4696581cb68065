using Microsoft.Extensions.Options;

namespace Tailor.Ingestion.Webhooks;

/// <summary>Tells opens by privacy proxies, prefetchers and scanners from opens by people (see <see cref="WebhookOptions"/>).</summary>
internal sealed class MachineOpens(IOptions<WebhookOptions> options)
{
    public bool IsMachine(string? userAgent)
    {
        if (string.IsNullOrWhiteSpace(userAgent))
        {
            return false;
        }

        var agent = userAgent.Trim();
        var webhooks = options.Value;
        return webhooks.MachineOpenUserAgents.Contains(agent, StringComparer.Ordinal) ||
            webhooks.MachineOpenUserAgentFragments.Any(fragment => agent.Contains(fragment, StringComparison.OrdinalIgnoreCase));
    }
}
