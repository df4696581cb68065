using Microsoft.Extensions.Logging;

namespace Tailor.Topic;

internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information,
        Message = "Topic model {ModelVersion} trained: {Topics} topics over {Documents} user documents in {Seconds:F2} s")]
    public static partial void Trained(ILogger logger, string modelVersion, int topics, int documents, double seconds);
}
