namespace Tailor.Contracts;

/// <summary>
/// A recommender was trained; <paramref name="RequestId"/> names the <see cref="ModelTrainingRequested"/> it answers, if
/// any. It serves from now on when <paramref name="Promoted"/>; otherwise it scored lower than the serving model on the
/// most recent held-out slice, and the serving model stays.
/// </summary>
/// <param name="NdcgAt10">The new model's NDCG on the held-out slice (the interactions after the serving model's data); null without a serving model to compare with.</param>
/// <param name="PreviousNdcgAt10">The serving model's NDCG on the same slice, from the lists it served.</param>
/// <param name="EvaluatedUsers">Users in the held-out slice.</param>
/// <param name="Bestsellers">
/// The model's popularity list (the items most users bought in its popularity window, best first), the same for
/// everyone: what a campaign's control group is shown. Null from trainers before it was published.
/// </param>
public record RecommenderTrained(
    Guid EventId,
    DateTimeOffset OccurredAt,
    string ModelVersion,
    int Users,
    int Items,
    int Interactions,
    TimeSpan TrainingDuration,
    Guid? RequestId,
    bool Promoted = true,
    double? NdcgAt10 = null,
    double? PreviousNdcgAt10 = null,
    int EvaluatedUsers = 0,
    IReadOnlyList<RecommendedItem>? Bestsellers = null);
