using System.Diagnostics;
using Tailor.Recommendation.Ranking;
using Tailor.Recommendation.Training;
using Tailor.Testing;
using Tailor.Training.Catalog;

namespace Tailor.Recommendation.Tests;

/// <summary>Offline evaluation on real data: train on December 2010, ask who buys something new in January 2011.</summary>
public class HeldOutPurchasesTests(ITestOutputHelper output)
{
    private static readonly DateTimeOffset Split = new(2011, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Als_hit_rate_at_10_beats_popularity_on_held_out_purchases()
    {
        var purchases = OnlineRetail.Purchases(lines: 80_000);
        // New items only: what the user bought before is neither a hit nor recommended.
        var options = new RecommendationOptions { TopN = 10, ExcludePurchased = true };
        var training = new InteractionSet();
        foreach (var purchase in purchases.Where(p => p.OccurredAt < Split))
        {
            EvidenceWeights.Add(training, purchase, options);
        }

        var clock = Stopwatch.StartNew();
        var recommender = RecommenderBuilder.Build(training, new Dictionary<string, CatalogEntry>(), options, "test", TestContext.Current.CancellationToken);
        output.WriteLine($"trained on {recommender.UserCount} users x {recommender.ItemCount} items in {clock.Elapsed.TotalSeconds:F1} s");

        // A hit is a recommended item the user bought after the split and had not bought before it.
        var heldOut = purchases
            .Where(p => p.OccurredAt >= Split && recommender.Knows(p.UserId) && !training.HasPurchased(p.UserId, p.ItemId!))
            .GroupBy(p => p.UserId)
            .ToDictionary(g => g.Key, g => g.Select(p => p.ItemId!).ToHashSet());
        var alsHits = heldOut.Count(user => recommender.For(user.Key).Any(item => user.Value.Contains(item.ItemId)));
        var popularHits = heldOut.Count(user => recommender.Popular(user.Key).Any(item => user.Value.Contains(item.ItemId)));
        output.WriteLine($"{heldOut.Count} users: HR@10 ALS {alsHits / (double)heldOut.Count:P1}, popularity {popularHits / (double)heldOut.Count:P1}");

        Assert.True(heldOut.Count >= 100, $"only {heldOut.Count} users to evaluate");
        Assert.True(alsHits > popularHits, $"ALS hit {alsHits} users, popularity {popularHits}");
    }
}
