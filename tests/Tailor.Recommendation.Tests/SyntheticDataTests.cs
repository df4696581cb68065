using System.Globalization;
using Tailor.Recommendation.Evaluation;
using Tailor.Recommendation.Evaluation.Synthetic;
using Tailor.Recommendation.Scoring;

namespace Tailor.Recommendation.Tests;

/// <summary>
/// Data of other shapes than Online Retail's: on each, what Tailor serves with its defaults must be at least 0.95× the
/// best single model it is made of, under both protocols.
/// </summary>
public sealed class SyntheticDataTests(ITestOutputHelper output)
{
    [Fact]
    public void NoRepeatTastes_has_no_repeats_and_a_taste_structure()
    {
        var interactions = NoRepeatTastes.Generate(users: 200, seed: 3);

        Assert.Equal(interactions.Count, interactions.Select(i => (i.UserId, i.ItemId)).Distinct().Count());
        Assert.Equal(interactions, NoRepeatTastes.Generate(users: 200, seed: 3));
        // Two users of one taste share far more items than two users picked at random.
        var byUser = interactions.GroupBy(i => i.UserId).ToDictionary(user => user.Key, user => user.Select(i => i.ItemId).ToHashSet());
        Assert.InRange(byUser.Values.Average(items => items.Count), 15, 40);
    }

    [Fact]
    public void SeasonalBaskets_repeat_staples_and_sell_each_seasonal_item_in_its_month()
    {
        var interactions = SeasonalBaskets.Generate(users: 100, seed: 3);

        var repeats = interactions.GroupBy(i => (i.UserId, i.ItemId)).Count(pair => pair.Count() > 1);
        Assert.True(repeats > 300, $"{repeats} user-item pairs taken more than once");
        var seasonal = interactions.Where(i => i.ItemId.StartsWith("season-", StringComparison.Ordinal)).ToList();
        var inSeason = seasonal.Count(i => int.Parse(i.ItemId.AsSpan(7, 2), CultureInfo.InvariantCulture) == i.At.Month);
        Assert.InRange(inSeason / (double)seasonal.Count, 0.85, 0.95);
    }

    [Fact]
    public void Served_is_at_least_095_of_the_best_single_model_on_a_shop_without_repeats_under_a_random_split()
    {
        var (train, test) = DataSplits.Random(NoRepeatTastes.Generate(), 0.2, seed: 42);

        var choice = AssertServedHolds(train, test);

        // Nobody takes an item twice: the validation stretch says to leave out what users took.
        Assert.True(choice.ExcludeTaken, choice.Reason);
    }

    [Fact]
    public void Served_is_at_least_095_of_the_best_single_model_on_a_seasonal_shop_under_a_time_split()
    {
        var interactions = SeasonalBaskets.Generate();
        var train = interactions.Where(i => i.At < SeasonalBaskets.TestFrom).ToList();
        var test = interactions.Where(i => i.At >= SeasonalBaskets.TestFrom).ToList();

        var choice = AssertServedHolds(train, test);

        // Staples are bought again and again: lists keep them.
        Assert.False(choice.ExcludeTaken, choice.Reason);
    }

    private ServedChoice AssertServedHolds(List<Interaction> train, List<Interaction> test)
    {
        using var progress = new StringWriter();
        var report = RecommendationEvaluation.Run(train, test, itemVectors: null, new RecommendationOptions().ToEvaluationSettings(), progress, TestContext.Current.CancellationToken);

        output.WriteLine(progress.ToString());
        foreach (var row in report.Rows)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{row.Model,-12} {row.Protocol,-4} {row.NdcgAt10:F4} {row.Users}"));
        }

        foreach (var protocol in Enum.GetValues<EvaluationProtocol>())
        {
            var rows = report.Rows.Where(row => row.Protocol == protocol).ToList();
            var served = rows.Single(row => row.Model == RecommendationEvaluation.ServedName).NdcgAt10;
            var best = rows.Where(row => row.Model != RecommendationEvaluation.ServedName).MaxBy(row => row.NdcgAt10)!;
            Assert.True(served >= 0.95 * best.NdcgAt10, $"{protocol}: served {served:F4}, best single {best.Model} {best.NdcgAt10:F4}");
        }

        return report.Choice;
    }
}
