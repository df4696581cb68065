namespace Tailor.Training;

/// <summary>Why a model should be retrained now, or <see cref="RetrainReason.None"/>.</summary>
public static class RetrainPolicy
{
    /// <param name="current">The serving model, or null when none was trained yet.</param>
    /// <param name="nothingToLearnAt">
    /// The stream's length when the last training found nothing to learn, if it did: until the stream grows past it,
    /// another training would only read the whole stream again to find nothing again.
    /// </param>
    /// <param name="evidenceCount">The stream's length now.</param>
    public static RetrainReason Decide(
        ModelCheckpoint? current, long? nothingToLearnAt, long evidenceCount, DateTimeOffset now, RetrainOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var trainedOn = current?.EvidenceCount ?? 0;
        var newEvents = evidenceCount - trainedOn;

        // Retraining on exactly what the current model saw would only produce the same model again.
        if (newEvents <= 0 || evidenceCount <= nothingToLearnAt)
        {
            return RetrainReason.None;
        }

        if (newEvents >= options.MinNewEvents)
        {
            return RetrainReason.EnoughNewEvents;
        }

        // No model yet is the oldest model there is: the first evidence is enough to start serving one.
        return current is null || now - current.TrainedAt >= options.MaxAge ? RetrainReason.ModelTooOld : RetrainReason.None;
    }
}
