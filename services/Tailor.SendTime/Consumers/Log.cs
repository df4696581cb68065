using Microsoft.Extensions.Logging;

namespace Tailor.SendTime.Consumers;

internal static partial class Log
{
    [LoggerMessage(EventId = 5101, Level = LogLevel.Debug, Message = "Skipped {MessageType} {EventId}: already recorded")]
    public static partial void Duplicate(ILogger logger, string messageType, Guid eventId);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Debug,
        Message = "Learned send times from {Evidence} of {Messages} {MessageType} messages; {Changed} best hours changed")]
    public static partial void Learned(ILogger logger, int evidence, int messages, string messageType, int changed);

    [LoggerMessage(EventId = 5103, Level = LogLevel.Information, Message = "Erased the send-time state of user {UserId}")]
    public static partial void Erased(ILogger logger, string userId);

    [LoggerMessage(EventId = 5104, Level = LogLevel.Information,
        Message = "Refreshed the send times of {Users} users for request {RequestId}; {Changed} best hours moved; prior strengths cohort {Cohort:F2}, day {Day:F2}, week {Week:F2}")]
    public static partial void Refreshed(ILogger logger, int users, int changed, Guid requestId, double cohort, double day, double week);
}
