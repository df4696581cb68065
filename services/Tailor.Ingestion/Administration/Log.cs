using Microsoft.Extensions.Logging;

namespace Tailor.Ingestion.Administration;

internal static partial class Log
{
    [LoggerMessage(EventId = 1501, Level = LogLevel.Error, Message = "Could not send rollback {RollbackId} to Recommendation; answered 503")]
    public static partial void RollbackNotSent(ILogger logger, Guid rollbackId, Exception exception);
}
