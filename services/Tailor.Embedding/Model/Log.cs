using Microsoft.Extensions.Logging;

namespace Tailor.Embedding.Model;

internal static partial class Log
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Information,
        Message = "Loaded {Model} {ModelVersion} on the {ExecutionProvider} execution provider with {Threads} intra-op threads in {ElapsedMs} ms")]
    public static partial void ModelLoaded(ILogger logger, string model, string modelVersion, string executionProvider, int threads, long elapsedMs);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "CUDA is not usable here, embedding on the CPU: {Reason}")]
    public static partial void CudaUnavailable(ILogger logger, string reason);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Warning,
        Message = "Device cuda was configured but CUDA is not usable, embedding on the CPU: {Reason}")]
    public static partial void CudaRequestedButUnavailable(ILogger logger, string reason);
}
