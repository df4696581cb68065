namespace Tailor.Recommendation.Scoring;

/// <summary>A recommender trained on a <see cref="TrainingSet"/>: scores every item of the set for one user.</summary>
public interface IItemScorer
{
    /// <summary>The model's name in reports (<c>popularity</c>, <c>als</c>, ...).</summary>
    string Name { get; }

    /// <summary>Writes a score for each item (higher is better) into <paramref name="scores"/>, one per item of the set.</summary>
    /// <param name="user">The user's number in the set, or -1 for a user it has never seen.</param>
    void Score(int user, Span<float> scores);
}
