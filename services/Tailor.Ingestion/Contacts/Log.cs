using Microsoft.Extensions.Logging;
using Tailor.Contracts;

namespace Tailor.Ingestion.Contacts;

internal static partial class Log
{
    [LoggerMessage(EventId = 1201, Level = LogLevel.Information, Message = "Email consent of user {UserId} changed to {Consent} after {Kind}")]
    public static partial void ConsentChanged(ILogger logger, string userId, EngagementKind kind, bool consent);
}
