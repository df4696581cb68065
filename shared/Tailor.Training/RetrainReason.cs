namespace Tailor.Training;

public enum RetrainReason
{
    None,
    EnoughNewEvents,
    ModelTooOld,

    /// <summary>A <c>ModelTrainingRequested</c> asked for it.</summary>
    Requested,
}
