using Microsoft.Extensions.Logging;

namespace Tailor.Ingestion.Identities;

internal static partial class Log
{
    [LoggerMessage(EventId = 1801, Level = LogLevel.Warning,
        Message = "Held activity {EventId} of anonymous id {AnonymousId} carried {LeftOut} properties past the {Most} the bus now accepts; published without them")]
    public static partial void HeldPropertiesLeftOut(ILogger logger, Guid eventId, string anonymousId, int leftOut, int most);
}
