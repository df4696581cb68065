namespace Tailor.Contracts;

/// <param name="Label">A readable name made of phrases from the users' own text ("t-light holder &amp; hanging heart").</param>
/// <param name="TopWords">The topic's most probable words, best first, as LDA normalised them.</param>
public record TopicSummary(int Topic, string Label, IReadOnlyList<string> TopWords);

/// <summary>
/// A topic model was trained; <paramref name="RequestId"/> names the <see cref="ModelTrainingRequested"/> it answers, if any.
/// It serves from now on when <paramref name="Promoted"/>; otherwise it was less coherent than the serving model on the
/// same documents, and the serving model stays.
/// </summary>
/// <param name="Coherence">NPMI coherence of its topics' top words over the users' documents, in [-1, 1]; the topic count was chosen by it.</param>
/// <param name="PreviousCoherence">The serving model's coherence over the same documents; null when there was none.</param>
public record TopicModelTrained(
    Guid EventId,
    DateTimeOffset OccurredAt,
    string ModelVersion,
    int Documents,
    IReadOnlyList<TopicSummary> Topics,
    TimeSpan TrainingDuration,
    Guid? RequestId,
    double? Coherence = null,
    bool Promoted = true,
    double? PreviousCoherence = null);
