using Microsoft.Extensions.Logging;

namespace Tailor.Ingestion.Webhooks;

internal static partial class Log
{
    [LoggerMessage(EventId = 1301, Level = LogLevel.Warning, Message = "Refused a {Provider} webhook: its signature or credentials did not verify")]
    public static partial void WebhookRefused(ILogger logger, string provider);

    [LoggerMessage(EventId = 1302, Level = LogLevel.Information, Message = "{Provider} webhook: {Accepted} events accepted, {Held} held until their email is stored, {HoldFull} dropped for a full hold, {UnknownEmail} naming no email, {ByAddress} applied by address, {Skipped} skipped")]
    public static partial void WebhookAccepted(ILogger logger, string provider, int accepted, int held, int holdFull, int unknownEmail, int byAddress, int skipped);

    [LoggerMessage(EventId = 1303, Level = LogLevel.Warning, Message = "SendGrid events are accepted unsigned: set Tailor:Ingestion:Webhooks:SendGridPublicKey to verify them")]
    public static partial void SendGridUnsigned(ILogger logger);

    [LoggerMessage(EventId = 1304, Level = LogLevel.Information, Message = "Confirmed the SNS subscription to {TopicArn}")]
    public static partial void SnsSubscriptionConfirmed(ILogger logger, string topicArn);
}
