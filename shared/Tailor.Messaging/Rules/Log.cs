using Microsoft.Extensions.Logging;

namespace Tailor.Messaging.Rules;

internal static partial class Log
{
    [LoggerMessage(EventId = 9102, Level = LogLevel.Warning,
        Message = "Stop {EventId} ({MessageType}) was dated {OccurredAt:O}, outside the accepted range: read as arriving at {ReadAt:O}; check the sender's clock")]
    public static partial void StopReadAsArrived(ILogger logger, Guid eventId, string messageType, DateTimeOffset occurredAt, DateTimeOffset readAt);

    [LoggerMessage(EventId = 9104, Level = LogLevel.Warning,
        Message = "Identify {EventId} withdraws consent, which is applied, with contact details that break the rules, which are left out: {Problems}")]
    public static partial void StopDetailsLeftOut(ILogger logger, Guid eventId, string problems);

    [LoggerMessage(EventId = 9103, Level = LogLevel.Warning,
        Message = "Refused {MessageType} {EventId}, which cannot be written back as JSON: no Fault<T> carries it, its ReceiveFault and error queue headers say why")]
    public static partial void FaultNotPublished(ILogger logger, Exception exception, string messageType, Guid eventId);
}
