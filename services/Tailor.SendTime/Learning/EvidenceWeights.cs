using Microsoft.Extensions.Options;
using Tailor.Contracts;

namespace Tailor.SendTime.Learning;

/// <summary>Turns consumed messages into send-time evidence, with the weights from <see cref="SendTimeOptions"/>.</summary>
public sealed class EvidenceWeights(IOptions<SendTimeOptions> options)
{
    private readonly SendTimeOptions _options = options.Value;

    public SendTimeEvidence? Of(UserActivityTracked activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return Evidence(activity, _options.ActivityWeight);
    }

    /// <summary>
    /// Opens and clicks by a person, and deliveries (which start the clock of an open's latency); bounces and the rest
    /// say nothing about when the user reads.
    /// </summary>
    public SendTimeEvidence? Of(EmailEngaged engagement)
    {
        ArgumentNullException.ThrowIfNull(engagement);

        // A machine open is a proxy fetching images at delivery time, so its hour is the sender's, not the reader's.
        if (engagement.IsMachineOpen)
        {
            return null;
        }

        return engagement.Kind switch
        {
            EngagementKind.Click => Evidence(engagement, _options.ClickWeight, engagement.EmailId),
            EngagementKind.Open => Evidence(engagement, _options.OpenWeight, engagement.EmailId),
            EngagementKind.Delivered => SendTimeEvidence.Of(engagement, 0, engagement.EmailId, isDelivery: true),
            _ => null,
        };
    }

    // A kind weighted zero is switched off: it neither moves the estimate nor counts as evidence.
    private static SendTimeEvidence? Evidence(IUserEvent source, double weight, Guid? emailId = null) =>
        weight > 0 ? SendTimeEvidence.Of(source, weight, emailId) : null;
}
