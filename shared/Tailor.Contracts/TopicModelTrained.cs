namespace Tailor.Contracts;

public record TopicSummary(int Topic, string Label, IReadOnlyList<string> TopWords);

/// <summary>A new topic model serves from now on; <paramref name="RequestId"/> names the <see cref="ModelTrainingRequested"/> it answers, if any.</summary>
/// <param name="Coherence">NPMI coherence of its topics' top words over the users' documents, in [-1, 1]; the topic count was chosen by it.</param>
public record TopicModelTrained(
    Guid EventId,
    DateTimeOffset OccurredAt,
    string ModelVersion,
    int Documents,
    IReadOnlyList<TopicSummary> Topics,
    TimeSpan TrainingDuration,
    Guid? RequestId,
    double? Coherence = null);
