using Tailor.Recommendation.Scoring;

namespace Tailor.Recommendation.Evaluation.Synthetic;

/// <summary>
/// A shop with strong seasons and regular re-orders: every user shops every one to three weeks for eighteen months
/// (January 2023 to June 2024). Each basket holds a few of the user's own staples (bought again and again) and a few
/// seasonal items: each item is in season in one month of the year, and in season it sells many times what it sells
/// out of it; users lean to one of four styles. Evaluate it with a cut in time (training before
/// <see cref="TestFrom"/>, test from it on). The same seed gives the same interactions.
/// </summary>
public static class SeasonalBaskets
{
    public static readonly DateTimeOffset Start = new(2023, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The last month, June 2024: the test period of a time split.</summary>
    public static readonly DateTimeOffset TestFrom = new(2024, 6, 1, 0, 0, 0, TimeSpan.Zero);

    public static readonly DateTimeOffset End = new(2024, 7, 1, 0, 0, 0, TimeSpan.Zero);

    private const int Styles = 4;
    private const int SeasonalPerMonthAndStyle = 6;
    private const int Staples = 80;

    public static List<Interaction> Generate(int users = 400, int seed = 1)
    {
        var random = new Random(seed);
        var interactions = new List<Interaction>();
        for (var user = 0; user < users; user++)
        {
            var id = $"u{user:D4}";
            var style = random.Next(Styles);
            // Each user's staples: a handful of the staple range, some far more often than others.
            var staples = Enumerable.Range(0, 4 + random.Next(5)).Select(_ => Staple(random)).Distinct().ToArray();
            var at = Start.AddDays(random.NextDouble() * 14);
            while (at < End)
            {
                foreach (var staple in staples.Where((_, index) => random.NextDouble() < 0.7 / (1 + (index * 0.3))))
                {
                    interactions.Add(new Interaction(id, $"staple-{staple:D3}", at, 1 + random.Next(6)));
                }

                for (var pick = 0; pick < 1 + random.Next(4); pick++)
                {
                    // In season: this month's items, mostly of the user's style; now and then anything of the year.
                    var month = random.NextDouble() < 0.9 ? at.Month : 1 + random.Next(12);
                    var itemStyle = random.NextDouble() < 0.75 ? style : random.Next(Styles);
                    var item = (int)(SeasonalPerMonthAndStyle * random.NextDouble() * random.NextDouble());
                    interactions.Add(new Interaction(id, $"season-{month:D2}-{itemStyle}-{item}", at, 1 + random.Next(3)));
                }

                at = at.AddDays(7 + random.Next(15)).AddMinutes(random.Next(600));
            }
        }

        return interactions;
    }

    // Staples have a long-tailed popularity: a few are in most users' baskets.
    private static int Staple(Random random) => (int)(Staples * Math.Pow(random.NextDouble(), 2));
}
