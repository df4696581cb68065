namespace Tailor.Contracts;

public record TopicSummary(int Topic, string Label, IReadOnlyList<string> TopWords);

/// <summary>A new topic model serves from now on; <paramref name="RequestId"/> names the <see cref="ModelTrainingRequested"/> it answers, if any.</summary>
public record TopicModelTrained(
    Guid EventId,
    DateTimeOffset OccurredAt,
    string ModelVersion,
    int Documents,
    IReadOnlyList<TopicSummary> Topics,
    TimeSpan TrainingDuration,
    Guid? RequestId);
