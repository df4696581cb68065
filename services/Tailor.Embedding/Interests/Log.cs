using Microsoft.Extensions.Logging;

namespace Tailor.Embedding.Interests;

internal static partial class Log
{
    [LoggerMessage(EventId = 2301, Level = LogLevel.Debug,
        Message = "Activity {EventId} on item {ItemId} taught nothing: the item has no vector yet and the activity no item name")]
    public static partial void ItemNotYetEmbedded(ILogger logger, Guid eventId, string? itemId);
}
