namespace Tailor.Recommendation.Scoring;

/// <summary>
/// TIFU-KNN (Hu et al. 2020, "Modeling Personalized Item Frequency Information for Next-basket Recommendation"): a
/// next-basket model that knows people buy the same things again. A user's vector is their baskets' average with the
/// recent ones weighing more, at two scales: baskets are cut into groups of <c>groupSize</c> (the oldest group takes
/// the remainder), a basket counts <c>basketDecay</c>^(its distance from its group's last basket) within its group, and
/// a group <c>groupDecay</c>^(its distance from the last group). The score is <c>alpha</c> × the user's own vector +
/// (1 − alpha) × the mean vector of the <c>neighbours</c> users whose vectors are closest: what they re-buy comes first,
/// and what users who shop like them buy fills the rest.
/// </summary>
public sealed class TifuKnnScorer : IItemScorer
{
    private readonly (int Item, float Weight)[][] _vectors;
    private readonly float[] _norms;
    private readonly (int User, float Weight)[][] _usersOf;
    private readonly int _neighbours;
    private readonly float _alpha;

    public TifuKnnScorer(TrainingSet set, int neighbours, double basketDecay, double groupDecay, double alpha, int groupSize)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentOutOfRangeException.ThrowIfLessThan(groupSize, 1);
        _neighbours = neighbours;
        _alpha = (float)alpha;
        _vectors = [.. set.Baskets.Select(baskets => UserVector(baskets, basketDecay, groupDecay, groupSize))];
        _norms = [.. _vectors.Select(vector => MathF.Sqrt(vector.Sum(entry => entry.Weight * entry.Weight)))];
        var usersOf = Enumerable.Range(0, set.Items.Count).Select(_ => new List<(int, float)>()).ToArray();
        for (var user = 0; user < _vectors.Length; user++)
        {
            foreach (var (item, weight) in _vectors[user])
            {
                usersOf[item].Add((user, weight));
            }
        }

        _usersOf = [.. usersOf.Select(users => users.ToArray())];
    }

    public string Name => "tifu-knn";

    public void Score(int user, Span<float> scores)
    {
        scores.Clear();
        if (user < 0)
        {
            return;
        }

        var neighbours = Nearest(user);
        var share = neighbours.Count == 0 ? 0 : (1 - _alpha) / neighbours.Count;
        foreach (var neighbour in neighbours)
        {
            foreach (var (item, weight) in _vectors[neighbour])
            {
                scores[item] += share * weight;
            }
        }

        foreach (var (item, weight) in _vectors[user])
        {
            scores[item] += _alpha * weight;
        }
    }

    /// <summary>
    /// The users whose vectors have the highest cosine with this one's. The paper measures Euclidean distance; on
    /// vectors this sparse that makes every user with a short history close to everyone, so cosine (as item-kNN uses).
    /// </summary>
    private List<int> Nearest(int user)
    {
        // Only users who share an item can have a positive cosine: accumulate dot products through the items.
        var dots = new Dictionary<int, float>();
        foreach (var (item, weight) in _vectors[user])
        {
            foreach (var (other, otherWeight) in _usersOf[item])
            {
                if (other != user)
                {
                    dots[other] = dots.GetValueOrDefault(other) + (weight * otherWeight);
                }
            }
        }

        var best = new PriorityQueue<int, (float Cosine, int Negated)>(_neighbours + 1);
        foreach (var (other, dot) in dots)
        {
            // Ties go to the lower user number, so a run is repeatable whatever the dictionary's order.
            best.Enqueue(other, (dot / (_norms[user] * _norms[other]), -other));
            if (best.Count > _neighbours)
            {
                best.Dequeue();
            }
        }

        return [.. best.UnorderedItems.Select(entry => entry.Element)];
    }

    private static (int Item, float Weight)[] UserVector(int[][] baskets, double basketDecay, double groupDecay, int groupSize)
    {
        var vector = new Dictionary<int, double>();
        var groups = (baskets.Length + groupSize - 1) / groupSize;
        // The last group holds the latest groupSize baskets; the first (oldest) whatever is left over.
        var firstSize = baskets.Length - ((groups - 1) * groupSize);
        for (var group = 0; group < groups; group++)
        {
            var start = group == 0 ? 0 : firstSize + ((group - 1) * groupSize);
            var size = group == 0 ? firstSize : groupSize;
            var groupWeight = Math.Pow(groupDecay, groups - 1 - group) / groups;
            for (var position = 0; position < size; position++)
            {
                var weight = groupWeight * Math.Pow(basketDecay, size - 1 - position) / size;
                foreach (var item in baskets[start + position])
                {
                    vector[item] = vector.GetValueOrDefault(item) + weight;
                }
            }
        }

        return [.. vector.OrderBy(entry => entry.Key).Select(entry => (entry.Key, (float)entry.Value))];
    }
}
