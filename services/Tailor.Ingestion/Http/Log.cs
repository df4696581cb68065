using Microsoft.Extensions.Logging;

namespace Tailor.Ingestion.Http;

internal static partial class Log
{
    [LoggerMessage(EventId = 1101, Level = LogLevel.Error, Message = "Could not store and publish a request to {Path}; answered 503")]
    public static partial void AcceptFailed(ILogger logger, string path, Exception exception);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Information, Message = "Campaign {CampaignId} requested")]
    public static partial void CampaignRequested(ILogger logger, string campaignId);
}
