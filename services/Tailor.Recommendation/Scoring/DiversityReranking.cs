using Tailor.Recommendation.Catalog;

namespace Tailor.Recommendation.Scoring;

/// <summary>
/// Maximal marginal relevance (Carbonell and Goldstein, 1998): from the best-scored candidates, pick one at a time the
/// item with the highest λ · relevance − (1 − λ) · (its greatest similarity to an item already picked), so an email
/// does not show six near-identical lunch bags. λ = 1 is the plain ranking.
/// </summary>
public static class DiversityReranking
{
    /// <param name="candidates">Items best first; relevance is their score scaled to [0, 1] over the candidates.</param>
    /// <param name="similarity">Cosine similarity of two items, in [-1, 1].</param>
    /// <param name="variants">
    /// Whether two items are variants of one product (a colour, size or pack count apart): once one is picked the
    /// others are out, whatever λ, since a list showing both shows one product twice.
    /// </param>
    public static int[] Select(
        IReadOnlyList<int> candidates, IReadOnlyList<float> scores, Func<int, int, float> similarity, int count, double lambda, ProductFamilies? variants = null)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(similarity);
        if (lambda >= 1 || candidates.Count <= 1)
        {
            return variants is null ? [.. candidates.Take(count)] : variants.KeepOnePerProduct(candidates, count);
        }

        var max = candidates.Max(item => scores[item]);
        var min = candidates.Min(item => scores[item]);
        var range = max - min;
        var relevance = candidates.ToDictionary(item => item, item => range > 0 ? (scores[item] - min) / range : 1f);
        var closest = candidates.ToDictionary(item => item, _ => float.MinValue);
        var remaining = candidates.ToList();
        var picked = new List<int>(count);
        while (picked.Count < count && remaining.Count > 0)
        {
            var best = remaining[0];
            var bestValue = double.NegativeInfinity;
            foreach (var item in remaining)
            {
                var redundancy = picked.Count == 0 ? 0 : closest[item];
                var value = (lambda * relevance[item]) - ((1 - lambda) * redundancy);
                if (value > bestValue)
                {
                    (best, bestValue) = (item, value);
                }
            }

            picked.Add(best);
            remaining.Remove(best);
            if (variants is not null)
            {
                remaining.RemoveAll(item => variants.AreVariants(item, best));
            }

            foreach (var item in remaining)
            {
                closest[item] = Math.Max(closest[item], similarity(item, best));
            }
        }

        return [.. picked];
    }
}
