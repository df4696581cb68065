using Microsoft.Extensions.Logging;

namespace Tailor.ContentGeneration.Consumers;

internal static partial class Log
{
    [LoggerMessage(EventId = 6101, Level = LogLevel.Debug, Message = "Skipped {MessageType} {EventId}: already recorded")]
    public static partial void Duplicate(ILogger logger, string messageType, Guid eventId);

    [LoggerMessage(EventId = 6102, Level = LogLevel.Information, Message = "Campaign {CampaignId} fanned out to {Users} users")]
    public static partial void FannedOut(ILogger logger, string campaignId, int users);

    [LoggerMessage(EventId = 6103, Level = LogLevel.Information, Message = "Campaign {CampaignId} was already fanned out; request {EventId} ignored")]
    public static partial void AlreadyFannedOut(ILogger logger, string campaignId, Guid eventId);

    [LoggerMessage(EventId = 6104, Level = LogLevel.Debug,
        Message = "Email {EmailId} of campaign {CampaignId} for user {UserId} composed by {Generator} with {Items} items")]
    public static partial void Composed(ILogger logger, Guid emailId, string campaignId, string userId, string generator, int items);

    [LoggerMessage(EventId = 6105, Level = LogLevel.Debug, Message = "Email of campaign {CampaignId} for user {UserId} suppressed: {Reason}")]
    public static partial void Suppressed(ILogger logger, string campaignId, string userId, string reason);
}
