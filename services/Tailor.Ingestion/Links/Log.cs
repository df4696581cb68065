using Microsoft.Extensions.Logging;

namespace Tailor.Ingestion.Links;

internal static partial class Log
{
    [LoggerMessage(EventId = 1401, Level = LogLevel.Information, Message = "A signed link of email {EmailId} was followed before the email was stored: the click is held until it is")]
    public static partial void ClickHeld(ILogger logger, Guid emailId);

    [LoggerMessage(EventId = 1402, Level = LogLevel.Error, Message = "Could not record a click on email {EmailId}; the reader was redirected all the same")]
    public static partial void ClickNotRecorded(ILogger logger, Guid emailId, Exception exception);

    [LoggerMessage(EventId = 1403, Level = LogLevel.Information, Message = "{Kind} through the link of email {EmailId} (user {UserId})")]
    public static partial void SubscriptionChanged(ILogger logger, Contracts.EngagementKind kind, Guid emailId, string userId);

    [LoggerMessage(EventId = 1405, Level = LogLevel.Information, Message = "{Kind} through a signed link of email {EmailId} before the email was stored: held until it is")]
    public static partial void SubscriptionChangeHeld(ILogger logger, Contracts.EngagementKind kind, Guid emailId);
}
