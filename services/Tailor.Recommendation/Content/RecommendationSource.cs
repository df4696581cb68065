namespace Tailor.Recommendation.Content;

/// <summary>Which model chose a user's stored recommendations; a better-informed source is not replaced by a weaker one.</summary>
public enum RecommendationSource
{
    /// <summary>Written before sources were recorded.</summary>
    Unknown,

    /// <summary>The most popular items: nothing is known about the user.</summary>
    Popular,

    /// <summary>Items closest to the user's interest vector: they have activity, but none the ALS model was trained on.</summary>
    Content,

    /// <summary>ALS: the model was trained on the user's own interactions.</summary>
    Personal,
}
