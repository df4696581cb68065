using Tailor.Recommendation.Scoring;

namespace Tailor.Recommendation.Tests;

public sealed class DiversityRerankingTests
{
    // Items 0, 1 and 2 are near-identical (three red lunch bags); 3 and 4 are unlike them and each other.
    private static readonly float[] Scores = [1.0f, 0.98f, 0.97f, 0.9f, 0.6f];

    private static float Similarity(int first, int second) =>
        first == second ? 1 : first < 3 && second < 3 ? 0.95f : 0.1f;

    [Fact]
    public void Select_with_lambda_one_keeps_the_ranking_by_score()
    {
        Assert.Equal([0, 1, 2], DiversityReranking.Select([0, 1, 2, 3, 4], Scores, Similarity, count: 3, lambda: 1));
    }

    [Fact]
    public void Select_with_a_lower_lambda_swaps_a_near_duplicate_for_a_different_item()
    {
        var picked = DiversityReranking.Select([0, 1, 2, 3, 4], Scores, Similarity, count: 3, lambda: 0.7);

        Assert.Equal(0, picked[0]);
        Assert.Contains(3, picked);
        Assert.Equal(3, picked.Distinct().Count());
    }

    [Fact]
    public void Select_never_returns_more_than_the_candidates()
    {
        Assert.Equal([0, 3], DiversityReranking.Select([0, 3], Scores, Similarity, count: 5, lambda: 0.5).Order());
    }
}
