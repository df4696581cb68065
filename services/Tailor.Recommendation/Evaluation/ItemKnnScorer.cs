namespace Tailor.Recommendation.Evaluation;

/// <summary>
/// Item-kNN: items are alike when the same users take them (cosine of their user columns); a user's score for an item
/// is the sum of its similarities to the items they took. Each item keeps its <c>neighbours</c> most similar items.
/// </summary>
public sealed class ItemKnnScorer : IItemScorer
{
    private readonly TrainingSet _set;
    private readonly (int Item, float Similarity)[][] _neighbours;

    public ItemKnnScorer(TrainingSet set, int neighbours)
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

        // Co-occurrence counts one item at a time into a dense scratch row: the sum over users of their item count
        // squared, which is what a sparse product would cost too, without a dictionary per item.
        _neighbours = new (int, float)[itemCount][];
        var together = new float[itemCount];
        for (var item = 0; item < itemCount; item++)
        {
            Array.Clear(together);
            foreach (var user in usersOf[item])
            {
                foreach (var other in set.ByUser[user])
                {
                    together[other.Item]++;
                }
            }

            together[item] = 0;
            var best = new PriorityQueue<int, float>(neighbours + 1);
            for (var other = 0; other < itemCount; other++)
            {
                if (together[other] <= 0)
                {
                    continue;
                }

                var similarity = together[other] / MathF.Sqrt((float)usersOf[item].Count * usersOf[other].Count);
                best.Enqueue(other, similarity);
                if (best.Count > neighbours)
                {
                    best.Dequeue();
                }
            }

            var kept = new (int, float)[best.Count];
            for (var i = kept.Length - 1; best.TryDequeue(out var other, out var similarity); i--)
            {
                kept[i] = (other, similarity);
            }

            _neighbours[item] = kept;
        }
    }

    public string Name => "item-knn";

    public void Score(int user, Span<float> scores)
    {
        scores.Clear();
        if (user < 0)
        {
            return;
        }

        foreach (var taken in _set.ByUser[user])
        {
            foreach (var (item, similarity) in _neighbours[taken.Item])
            {
                scores[item] += similarity;
            }
        }
    }
}
