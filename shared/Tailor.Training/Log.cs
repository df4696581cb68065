using Microsoft.Extensions.Logging;

namespace Tailor.Training;

internal static partial class Log
{
    [LoggerMessage(EventId = 9301, Level = LogLevel.Information, Message = "Training {Model} ({Reason}, request {RequestId})")]
    public static partial void TrainingStarted(ILogger logger, string model, RetrainReason reason, Guid? requestId);

    [LoggerMessage(EventId = 9302, Level = LogLevel.Information, Message = "Trained {Model} on {EvidenceCount} recorded events")]
    public static partial void TrainingFinished(ILogger logger, string model, long evidenceCount);

    [LoggerMessage(EventId = 9304, Level = LogLevel.Debug, Message = "{Model} has nothing to learn from in {EvidenceCount} recorded events; no model trained")]
    public static partial void NothingToLearn(ILogger logger, string model, long evidenceCount);

    [LoggerMessage(EventId = 9303, Level = LogLevel.Error, Message = "Training {Model} failed; the current model keeps serving")]
    public static partial void TrainingFailed(ILogger logger, Exception exception, string model);

    [LoggerMessage(EventId = 9305, Level = LogLevel.Debug, Message = "Ignored an older catalog update of item {ItemId} in '{Stream}'")]
    public static partial void StaleCatalogUpdate(ILogger logger, string itemId, string stream);
}
