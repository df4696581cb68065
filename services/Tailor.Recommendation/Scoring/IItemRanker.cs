namespace Tailor.Recommendation.Scoring;

/// <summary>A model that ranks by more than its scores (diversity, for one): it gives the list itself.</summary>
public interface IItemRanker : IItemScorer
{
    /// <summary>The user's best <paramref name="count"/> items, best first, leaving out <paramref name="exclude"/>.</summary>
    int[] Rank(int user, int count, Func<int, bool>? exclude);
}
