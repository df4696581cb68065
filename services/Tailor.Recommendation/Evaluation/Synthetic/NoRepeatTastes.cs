using Tailor.Recommendation.Scoring;

namespace Tailor.Recommendation.Evaluation.Synthetic;

/// <summary>
/// A shop unlike Online Retail, as media or fashion are: each user takes an item at most once, and what they take
/// follows a taste. Items belong to one of <c>tastes</c> clusters and have a long-tailed popularity; each user has a
/// main taste and a second one, and takes distinct items drawn by popularity × how well the item's cluster suits them.
/// Each user comes in one stretch of a day to two months, starting anywhere in the year, as users of a ratings site
/// do: the last month of the data holds few users, most of them new. Evaluate it with a random split
/// (<see cref="DataSplits.Random"/>). The same seed gives the same interactions.
/// </summary>
public static class NoRepeatTastes
{
    public static readonly DateTimeOffset Start = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static List<Interaction> Generate(int users = 600, int items = 500, int tastes = 8, int seed = 1)
    {
        var random = new Random(seed);
        var clusterOf = Enumerable.Range(0, items).Select(item => item % tastes).ToArray();
        // Zipf-like popularity, shuffled so the popular items are spread over the clusters.
        var popularity = Enumerable.Range(0, items).Select(rank => 1.0 / Math.Pow(rank + 1, 0.8)).ToArray();
        random.Shuffle(popularity);
        var interactions = new List<Interaction>();
        for (var user = 0; user < users; user++)
        {
            var main = random.Next(tastes);
            var second = (main + 1 + random.Next(tastes - 1)) % tastes;
            var weights = new double[items];
            for (var item = 0; item < items; item++)
            {
                var suit = clusterOf[item] == main ? 1.0 : clusterOf[item] == second ? 0.35 : 0.02;
                weights[item] = popularity[item] * suit;
            }

            var count = 8 + (int)(random.NextDouble() * random.NextDouble() * 70);
            var arrival = Start.AddMinutes(random.Next(365 * 24 * 60));
            var stay = 1 + (random.NextDouble() * random.NextDouble() * 60 * 24 * 60);
            foreach (var item in Draw(weights, count, random))
            {
                interactions.Add(new Interaction($"u{user:D4}", $"i{item:D4}", arrival.AddMinutes(random.NextDouble() * stay), 1));
            }
        }

        return interactions;
    }

    /// <summary>Distinct items, each drawn in proportion to its weight among those not drawn yet.</summary>
    private static List<int> Draw(double[] weights, int count, Random random)
    {
        var left = (double[])weights.Clone();
        var total = left.Sum();
        var drawn = new List<int>(count);
        while (drawn.Count < count && total > 1e-12)
        {
            var target = random.NextDouble() * total;
            var item = 0;
            for (; item < left.Length - 1 && (target -= left[item]) > 0; item++)
            {
            }

            drawn.Add(item);
            total -= left[item];
            left[item] = 0;
        }

        return drawn;
    }
}
