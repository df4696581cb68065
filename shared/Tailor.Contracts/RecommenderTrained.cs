namespace Tailor.Contracts;

/// <summary>A new recommender serves from now on; <paramref name="RequestId"/> names the <see cref="ModelTrainingRequested"/> it answers, if any.</summary>
public record RecommenderTrained(
    Guid EventId,
    DateTimeOffset OccurredAt,
    string ModelVersion,
    int Users,
    int Items,
    int Interactions,
    TimeSpan TrainingDuration,
    Guid? RequestId);
