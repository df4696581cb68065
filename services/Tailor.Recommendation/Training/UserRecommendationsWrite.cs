using Tailor.Contracts;
using Tailor.Recommendation.Content;

namespace Tailor.Recommendation.Training;

/// <summary>One user's recommendations for <see cref="UserRecommendationsWriter.WriteManyAsync"/>.</summary>
/// <param name="EventId">The <see cref="RecommendationsUpdated"/> id, derived from what caused the write.</param>
public sealed record UserRecommendationsWrite(
    string UserId, string ModelVersion, IReadOnlyList<RecommendedItem> Items, RecommendationSource Source, Guid EventId);
