using Tailor.Contracts;

namespace Tailor.Recommendation.Content;

/// <summary>A user's recommendations as kept in <c>recommendation.user-recs</c>, with the source that chose them.</summary>
/// <param name="NewItems">The ranking without what the user bought (<c>RecommendationsSlice.NewItems</c>); null when none was written.</param>
public sealed record StoredRecommendations(
    string ModelVersion, RecommendationSource Source, IReadOnlyList<RecommendedItem> Items, DateTimeOffset UpdatedAt, IReadOnlyList<RecommendedItem>? NewItems = null);
