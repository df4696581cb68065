namespace Tailor.Recommendation.Evaluation;

/// <summary>Top-k metrics of one user's ranked list against the items they went on to take (binary relevance).</summary>
public static class RankingMetrics
{
    /// <summary>Discounted cumulative gain of the hits, over that of a perfect list: 1 when every slot that could hit does.</summary>
    public static double Ndcg(IReadOnlyList<int> ranked, IReadOnlySet<int> relevant, int k)
    {
        ArgumentNullException.ThrowIfNull(ranked);
        ArgumentNullException.ThrowIfNull(relevant);
        var dcg = 0.0;
        for (var position = 0; position < Math.Min(k, ranked.Count); position++)
        {
            if (relevant.Contains(ranked[position]))
            {
                dcg += 1 / Math.Log2(position + 2);
            }
        }

        var ideal = 0.0;
        for (var position = 0; position < Math.Min(k, relevant.Count); position++)
        {
            ideal += 1 / Math.Log2(position + 2);
        }

        return ideal == 0 ? 0 : dcg / ideal;
    }

    /// <summary>1 when any of the first k items was taken.</summary>
    public static double HitRate(IReadOnlyList<int> ranked, IReadOnlySet<int> relevant, int k) =>
        ranked.Take(k).Any(relevant.Contains) ? 1 : 0;

    /// <summary>The share of the items taken that the first k found.</summary>
    public static double Recall(IReadOnlyList<int> ranked, IReadOnlySet<int> relevant, int k)
    {
        ArgumentNullException.ThrowIfNull(relevant);
        return relevant.Count == 0 ? 0 : ranked.Take(k).Count(relevant.Contains) / (double)relevant.Count;
    }
}
