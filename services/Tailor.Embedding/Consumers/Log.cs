using Microsoft.Extensions.Logging;

namespace Tailor.Embedding.Consumers;

internal static partial class Log
{
    [LoggerMessage(EventId = 2101, Level = LogLevel.Debug, Message = "Skipped {MessageType} {EventId}: already recorded")]
    public static partial void Duplicate(ILogger logger, string messageType, Guid eventId);

    [LoggerMessage(EventId = 2107, Level = LogLevel.Debug, Message = "Skipped {Count} {MessageType} messages of a batch: already handled")]
    public static partial void Duplicates(ILogger logger, string messageType, int count);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Information,
        Message = "Ignored catalog change {EventId} of item {ItemId}: a newer change of it is already embedded")]
    public static partial void StaleCatalogChange(ILogger logger, Guid eventId, string itemId);

    [LoggerMessage(EventId = 2103, Level = LogLevel.Debug, Message = "Embedded {Items} catalog items from a batch of {Messages}")]
    public static partial void ItemsEmbedded(ILogger logger, int items, int messages);

    [LoggerMessage(EventId = 2104, Level = LogLevel.Debug,
        Message = "Updated the interests of {Users} users from a batch of {Messages} activities")]
    public static partial void InterestsUpdated(ILogger logger, int users, int messages);

    [LoggerMessage(EventId = 2105, Level = LogLevel.Information,
        Message = "Click {EventId} on item {ItemId} taught nothing: the item has no vector yet")]
    public static partial void ClickedItemWithoutVector(ILogger logger, Guid eventId, string itemId);

    [LoggerMessage(EventId = 2106, Level = LogLevel.Information, Message = "Erased the interest state of user {UserId}")]
    public static partial void InterestsErased(ILogger logger, string userId);
}
