using Microsoft.Extensions.Logging;

namespace Tailor.Topic;

internal static partial class Log
{
    [LoggerMessage(EventId = 3101, Level = LogLevel.Information,
        Message = "Topic model {ModelVersion} trained: {Topics} topics over {Documents} user documents in {Seconds:F2} s")]
    public static partial void Trained(ILogger logger, string modelVersion, int topics, int documents, double seconds);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Warning,
        Message = "Topic model {Candidate} not promoted: coherence {Coherence:F4} is below the serving {Serving}'s {ServingCoherence:F4} on the same {Documents} documents")]
    public static partial void NotPromoted(ILogger logger, string candidate, double coherence, string serving, double servingCoherence, int documents);
}
