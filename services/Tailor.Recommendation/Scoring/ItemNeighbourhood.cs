namespace Tailor.Recommendation.Scoring;

/// <summary>
/// What item-kNN and RP3beta share: each item keeps its strongest neighbours, and a user's score for an item is the sum
/// of its weights as a neighbour of the items the user took. They differ only in how one item's row of weights to
/// every other item is computed.
/// </summary>
internal sealed class ItemNeighbourhood
{
    private readonly TrainingSet _set;
    private readonly (int Item, float Weight)[][] _neighbours;

    /// <param name="fillRow">
    /// Writes the weights from an item (first argument) to every item into the row (third, cleared before each call),
    /// given the users who took each item (second); only positive weights become neighbours, never the item itself.
    /// </param>
    public ItemNeighbourhood(TrainingSet set, int neighbours, Action<int, IReadOnlyList<List<int>>, float[]> fillRow)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(fillRow);
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

        // One dense scratch row per item: the sum over users of their item count squared, which is what a sparse
        // product would cost too, without a dictionary per item.
        _neighbours = new (int, float)[itemCount][];
        var row = new float[itemCount];
        for (var item = 0; item < itemCount; item++)
        {
            Array.Clear(row);
            fillRow(item, usersOf, row);
            row[item] = 0;
            var best = new PriorityQueue<int, float>(neighbours + 1);
            for (var other = 0; other < itemCount; other++)
            {
                if (row[other] <= 0)
                {
                    continue;
                }

                best.Enqueue(other, row[other]);
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
