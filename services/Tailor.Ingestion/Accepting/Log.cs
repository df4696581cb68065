using Microsoft.Extensions.Logging;

namespace Tailor.Ingestion.Accepting;

internal static partial class Log
{
    [LoggerMessage(EventId = 1701, Level = LogLevel.Warning,
        Message = "An identify withdrew the consent of user {UserId}, which is applied, with contact details that break the rules, which are left out: {Problems}")]
    public static partial void WithdrawalDetailsLeftOut(ILogger logger, string userId, string problems);
}
