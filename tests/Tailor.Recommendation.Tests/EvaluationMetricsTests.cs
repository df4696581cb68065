using Tailor.Recommendation.Evaluation;
using Tailor.Recommendation.Scoring;

namespace Tailor.Recommendation.Tests;

public sealed class EvaluationMetricsTests
{
    [Fact]
    public void Ndcg_discounts_hits_by_position_against_a_perfect_list()
    {
        int[] ranked = [7, 3, 9, 1];
        var relevant = new HashSet<int> { 3, 1 };

        var ndcg = RankingMetrics.Ndcg(ranked, relevant, k: 10);

        // Hits at positions 2 and 4: 1/log2(3) + 1/log2(5), against hits at 1 and 2: 1 + 1/log2(3).
        var expected = ((1 / Math.Log2(3)) + (1 / Math.Log2(5))) / (1 + (1 / Math.Log2(3)));
        Assert.Equal(expected, ndcg, precision: 12);
        Assert.Equal(1.0, RankingMetrics.Ndcg([3, 1, 7], relevant, k: 10), precision: 12);
        Assert.Equal(0.0, RankingMetrics.Ndcg([7, 9], relevant, k: 10));
    }

    [Fact]
    public void HitRate_and_recall_count_only_the_first_k()
    {
        int[] ranked = [7, 3, 9, 1];
        var relevant = new HashSet<int> { 1, 2, 3, 4 };

        Assert.Equal(1.0, RankingMetrics.HitRate(ranked, relevant, k: 2));
        Assert.Equal(0.0, RankingMetrics.HitRate(ranked, relevant, k: 1));
        Assert.Equal(0.25, RankingMetrics.Recall(ranked, relevant, k: 2));
        Assert.Equal(0.5, RankingMetrics.Recall(ranked, relevant, k: 4));
    }

    [Fact]
    public void TopItems_ranks_by_score_breaks_ties_by_item_and_leaves_out_excluded_items()
    {
        float[] scores = [0.5f, 0.9f, 0.5f, 0.1f, 0.9f, float.MinValue];

        Assert.Equal([1, 4, 0, 2], TopItems.Of(scores, k: 4));
        Assert.Equal([4, 0, 2], TopItems.Of(scores, k: 3, exclude: item => item == 1));
        Assert.Equal(6, TopItems.Of(scores, k: 10).Length);
    }
}
