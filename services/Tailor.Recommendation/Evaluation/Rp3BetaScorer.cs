namespace Tailor.Recommendation.Evaluation;

/// <summary>
/// RP3beta (Paudel et al. 2016): a three-step random walk user → item → user → item over binary data, the probability of
/// reaching each item from another divided by the reached item's popularity^β so the walk does not end at the
/// bestsellers. Each item keeps its <c>neighbours</c> best; a user's score is the sum over the items they took.
/// </summary>
public sealed class Rp3BetaScorer : IItemScorer
{
    private readonly TrainingSet _set;
    private readonly (int Item, float Weight)[][] _neighbours;

    public Rp3BetaScorer(TrainingSet set, double beta, int neighbours)
    {
        ArgumentNullException.ThrowIfNull(set);
        _set = set;
        var itemCount = set.Items.Count;
        var usersOf = new List<int>[itemCount];
        for (var item = 0; item < itemCount; item++)
        {
            usersOf[item] = [];
        }

        for (var user = 0; user < set.ByUser.Count; user++)
        {
            foreach (var item in set.ByUser[user])
            {
                usersOf[item.Item].Add(user);
            }
        }

        var penalty = usersOf.Select(users => (float)Math.Pow(Math.Max(users.Count, 1), beta)).ToArray();
        _neighbours = new (int, float)[itemCount][];
        var reached = new float[itemCount];
        for (var item = 0; item < itemCount; item++)
        {
            Array.Clear(reached);
            foreach (var user in usersOf[item])
            {
                // P(item → user) · P(user → other), both uniform over the step's choices.
                var step = 1f / (usersOf[item].Count * set.ByUser[user].Length);
                foreach (var other in set.ByUser[user])
                {
                    reached[other.Item] += step;
                }
            }

            reached[item] = 0;
            var best = new PriorityQueue<int, float>(neighbours + 1);
            for (var other = 0; other < itemCount; other++)
            {
                if (reached[other] <= 0)
                {
                    continue;
                }

                best.Enqueue(other, reached[other] / penalty[other]);
                if (best.Count > neighbours)
                {
                    best.Dequeue();
                }
            }

            var kept = new (int, float)[best.Count];
            for (var i = kept.Length - 1; best.TryDequeue(out var other, out var weight); i--)
            {
                kept[i] = (other, weight);
            }

            _neighbours[item] = kept;
        }
    }

    public string Name => "rp3beta";

    public void Score(int user, Span<float> scores)
    {
        scores.Clear();
        if (user < 0)
        {
            return;
        }

        foreach (var taken in _set.ByUser[user])
        {
            foreach (var (item, weight) in _neighbours[taken.Item])
            {
                scores[item] += weight;
            }
        }
    }
}
