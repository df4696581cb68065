namespace Tailor.Training;

/// <summary>The serving model: when it was trained and how many events of the service's stream it had seen.</summary>
public sealed record ModelCheckpoint(DateTimeOffset TrainedAt, long EvidenceCount);
