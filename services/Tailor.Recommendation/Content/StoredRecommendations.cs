using Tailor.Contracts;

namespace Tailor.Recommendation.Content;

/// <summary>A user's recommendations as kept in <c>recommendation.user-recs</c>, with the source that chose them.</summary>
public sealed record StoredRecommendations(
    string ModelVersion, RecommendationSource Source, IReadOnlyList<RecommendedItem> Items, DateTimeOffset UpdatedAt);
