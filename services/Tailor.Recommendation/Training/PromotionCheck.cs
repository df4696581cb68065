using Tailor.Contracts;
using Tailor.Recommendation.Content;
using Tailor.Recommendation.Evaluation;
using Tailor.Recommendation.Ranking;

namespace Tailor.Recommendation.Training;

/// <summary>How the serving model and a candidate did on the interactions that came after the serving model's data.</summary>
/// <param name="Users">Users with held-out items: the mean is over them.</param>
public sealed record PromotionScores(double CandidateNdcg, double ServingNdcg, double CandidateHitRate, int Users);

/// <summary>
/// Scores a new model against the serving one on the most recent held-out slice: the interactions that came after
/// the serving model's data. The serving model is judged by the lists it actually served; the candidate is built with
/// the current settings and code on the same data the serving model had, so the two differ only in how they were made,
/// and both are scored on what users did next.
/// </summary>
public static class PromotionCheck
{
    /// <param name="before">What <paramref name="interactions"/> held at <paramref name="servingDataEnd"/> (<see cref="InteractionSet.Before"/>).</param>
    /// <param name="served">The serving model's list for each user, as it was written.</param>
    public static PromotionScores Score(
        InteractionSet interactions,
        InteractionSet before,
        DateTimeOffset servingDataEnd,
        IReadOnlyDictionary<string, StoredRecommendations> served,
        IReadOnlyList<RecommendedItem> servedPopular,
        Func<InteractionSet, Recommender> build)
    {
        ArgumentNullException.ThrowIfNull(interactions);
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(served);
        ArgumentNullException.ThrowIfNull(build);
        var candidate = build(before);
        // What counts as a hit follows what the candidate serves: if it leaves out what users bought, a re-order cannot count.
        var excludePurchased = candidate.ExcludesPurchased;
        var itemNumbers = new Dictionary<string, int>(StringComparer.Ordinal);
        int Number(string itemId) => itemNumbers.TryGetValue(itemId, out var number) ? number : itemNumbers[itemId] = itemNumbers.Count;

        var (candidateTotal, servingTotal, hits, users) = (0.0, 0.0, 0.0, 0);
        foreach (var user in interactions.Interactions.Where(i => i.At > servingDataEnd).GroupBy(i => i.UserId, StringComparer.Ordinal))
        {
            var relevant = user
                .Where(i => !excludePurchased || !before.HasPurchased(user.Key, i.ItemId))
                .Select(i => Number(i.ItemId))
                .ToHashSet();
            if (relevant.Count == 0)
            {
                continue;
            }

            var candidateList = candidate.For(user.Key).Select(item => Number(item.ItemId)).ToList();
            var servingList = (served.GetValueOrDefault(user.Key)?.Items ?? servedPopular).Select(item => Number(item.ItemId)).ToList();
            var k = Math.Max(candidateList.Count, servingList.Count);
            candidateTotal += RankingMetrics.Ndcg(candidateList, relevant, k);
            servingTotal += RankingMetrics.Ndcg(servingList, relevant, k);
            hits += RankingMetrics.HitRate(candidateList, relevant, k);
            users++;
        }

        return users == 0
            ? new PromotionScores(0, 0, 0, 0)
            : new PromotionScores(candidateTotal / users, servingTotal / users, hits / users, users);
    }
}
