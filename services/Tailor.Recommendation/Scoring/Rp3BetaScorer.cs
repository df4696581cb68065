namespace Tailor.Recommendation.Scoring;

/// <summary>
/// RP3beta (Paudel et al. 2016): a three-step random walk user → item → user → item over binary data, the probability of
/// reaching each item from another divided by the reached item's popularity^β so the walk does not end at the
/// bestsellers. Each item keeps its <c>neighbours</c> best; a user's score is the sum over the items they took.
/// </summary>
public sealed class Rp3BetaScorer(TrainingSet set, double beta, int neighbours) : IItemScorer
{
    private readonly ItemNeighbourhood _neighbourhood = new(set, neighbours, (item, usersOf, row) =>
    {
        foreach (var user in usersOf[item])
        {
            // P(item → user) · P(user → other), both uniform over the step's choices.
            var step = 1f / (usersOf[item].Count * set.ByUser[user].Length);
            foreach (var other in set.ByUser[user])
            {
                row[other.Item] += step;
            }
        }

        for (var other = 0; other < row.Length; other++)
        {
            if (row[other] > 0)
            {
                row[other] /= (float)Math.Pow(Math.Max(usersOf[other].Count, 1), beta);
            }
        }
    });

    public string Name => "rp3beta";

    public void Score(int user, Span<float> scores) => _neighbourhood.Score(user, scores);
}
