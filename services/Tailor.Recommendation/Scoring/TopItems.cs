namespace Tailor.Recommendation.Scoring;

/// <summary>The k best-scored items, best first; ties go to the lower item number so every run ranks alike.</summary>
public static class TopItems
{
    public static int[] Of(ReadOnlySpan<float> scores, int k, Func<int, bool>? exclude = null)
    {
        var best = new PriorityQueue<int, (float Score, int Item)>(k, WorstFirst.Instance);
        for (var item = 0; item < scores.Length; item++)
        {
            if (exclude?.Invoke(item) == true || float.IsNaN(scores[item]))
            {
                continue;
            }

            var entry = (scores[item], item);
            if (best.Count < k)
            {
                best.Enqueue(item, entry);
            }
            else if (best.TryPeek(out _, out var worst) && WorstFirst.Instance.Compare(entry, worst) > 0)
            {
                // Most items lose to the current tenth best: one comparison, no heap work.
                best.EnqueueDequeue(item, entry);
            }
        }

        var ranked = new int[best.Count];
        for (var i = ranked.Length - 1; best.TryDequeue(out var item, out _); i--)
        {
            ranked[i] = item;
        }

        return ranked;
    }

    // The queue's head is the entry to drop first: the lowest score, and of equal scores the higher item number.
    private sealed class WorstFirst : IComparer<(float Score, int Item)>
    {
        public static readonly WorstFirst Instance = new();

        public int Compare((float Score, int Item) x, (float Score, int Item) y) =>
            x.Score != y.Score ? x.Score.CompareTo(y.Score) : y.Item.CompareTo(x.Item);
    }
}
