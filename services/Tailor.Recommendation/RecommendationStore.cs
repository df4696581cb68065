namespace Tailor.Recommendation;

/// <summary>Where this service keeps its data: its own event stream and document collections.</summary>
public static class RecommendationStore
{
    public const string Stream = "recommendation";
    public const string CatalogCollection = "recommendation.catalog";
    public const string ModelCollection = "recommendation.model";
    public const string UserRecommendationsCollection = "recommendation.user-recs";

    /// <summary>Item vectors from the Embedding service, for content similarity.</summary>
    public const string ItemVectorsCollection = "recommendation.item-vectors";

    /// <summary>The id of the serving model's document in <see cref="ModelCollection"/>.</summary>
    public const string ServingModelId = "serving";

    /// <summary>The model that served before the current one, kept for rollback.</summary>
    public const string PreviousModelId = "previous";
}
