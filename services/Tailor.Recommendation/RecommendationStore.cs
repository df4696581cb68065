namespace Tailor.Recommendation;

/// <summary>Where this service keeps its data: its own event stream and document collections.</summary>
public static class RecommendationStore
{
    public const string Stream = "recommendation";

    /// <summary>Rollback requests handled, apart from the training evidence so they do not count towards a retraining.</summary>
    public const string RollbackStream = "recommendation.rollbacks";

    /// <summary>
    /// Which items each email showed (<see cref="Training.ShownItems"/>), apart from the training evidence too: an email
    /// written says nothing yet about what its reader wanted, so a campaign to millions must not set off a retraining
    /// every 10,000 emails. The next training, set off by what users did, reads them.
    /// </summary>
    public const string ShownStream = "recommendation.shown";
    public const string CatalogCollection = "recommendation.catalog";
    public const string ModelCollection = "recommendation.model";
    public const string UserRecommendationsCollection = "recommendation.user-recs";

    /// <summary>Each user's lists from the model that served before the current one, for rollback.</summary>
    public const string PreviousUserRecommendationsCollection = "recommendation.user-recs-previous";

    /// <summary>Each user's dominant topic label from the Topic service, for reasons.</summary>
    public const string UserTopicsCollection = "recommendation.user-topics";

    /// <summary>Item vectors from the Embedding service, for content similarity.</summary>
    public const string ItemVectorsCollection = "recommendation.item-vectors";

    /// <summary>The id of the serving model's document in <see cref="ModelCollection"/>.</summary>
    public const string ServingModelId = "serving";

    /// <summary>The model that served before the current one, kept for rollback.</summary>
    public const string PreviousModelId = "previous";
}
