using Microsoft.Extensions.Logging;
using Tailor.ContentGeneration.Frequency;

namespace Tailor.ContentGeneration.Consumers;

internal static partial class Log
{
    [LoggerMessage(EventId = 6101, Level = LogLevel.Debug, Message = "Skipped {MessageType} {EventId}: already recorded")]
    public static partial void Duplicate(ILogger logger, string messageType, Guid eventId);

    [LoggerMessage(EventId = 6110, Level = LogLevel.Debug, Message = "Skipped {Count} {MessageType} of a batch: already recorded")]
    public static partial void Duplicates(ILogger logger, string messageType, int count);

    [LoggerMessage(EventId = 6102, Level = LogLevel.Information, Message = "Campaign {CampaignId} fanned out to {Users} users, {ControlUsers} of them in its control group")]
    public static partial void FannedOut(ILogger logger, string campaignId, int users, int controlUsers);

    [LoggerMessage(EventId = 6103, Level = LogLevel.Information, Message = "Campaign {CampaignId} was already fanned out; request {EventId} ignored")]
    public static partial void AlreadyFannedOut(ILogger logger, string campaignId, Guid eventId);

    [LoggerMessage(EventId = 6104, Level = LogLevel.Debug,
        Message = "Email {EmailId} of campaign {CampaignId} for user {UserId} composed by {Generator} with {Items} items")]
    public static partial void Composed(ILogger logger, Guid emailId, string campaignId, string userId, string generator, int items);

    [LoggerMessage(EventId = 6105, Level = LogLevel.Debug, Message = "Email of campaign {CampaignId} for user {UserId} suppressed: {Reason}")]
    public static partial void Suppressed(ILogger logger, string campaignId, string userId, string reason);

    [LoggerMessage(EventId = 6106, Level = LogLevel.Debug,
        Message = "Email {EmailId} for user {UserId} held back ({Reason}): {SendsInWindow} {CapType} emails already in the period, cap {EffectiveCap} of {Cap}, fatigue {FatigueState} ({FatigueScore:0.00})")]
    public static partial void HeldBack(
        ILogger logger, Guid emailId, string userId, string reason, int sendsInWindow, string capType, int? effectiveCap, int? cap, FatigueState fatigueState, double fatigueScore);

    [LoggerMessage(EventId = 6107, Level = LogLevel.Warning,
        Message = "Campaign {CampaignId} has type {CampaignType}, which has no frequency cap configured; its emails are capped as {DefaultType}")]
    public static partial void UnknownCampaignType(ILogger logger, string campaignId, string campaignType, string defaultType);

    [LoggerMessage(EventId = 6109, Level = LogLevel.Information, Message = "Bestseller list of recommender {ModelVersion} kept for control groups: {Items} items")]
    public static partial void BestsellersKept(ILogger logger, string modelVersion, int items);

    [LoggerMessage(EventId = 6108, Level = LogLevel.Debug, Message = "Email {EmailId} for user {UserId} was let through by an earlier attempt; published again, counted once")]
    public static partial void AlreadyAdmitted(ILogger logger, Guid emailId, string userId);
}
