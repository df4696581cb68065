using Tailor.Recommendation.Evaluation;
using Tailor.Recommendation.Scoring;

namespace Tailor.Recommendation.Tests;

/// <summary>The whole offline evaluation on shoppers whose later purchases follow from their earlier ones.</summary>
public sealed class RecommendationEvaluationTests
{
    private static readonly DateTimeOffset Start = new(2011, 1, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Protocol_new_counts_only_items_the_user_had_not_taken_and_never_recommends_the_old_ones()
    {
        // "stand" is in the catalogue but no one took it before the test period.
        var withStand = TrainingSet.From([Bought("a", "tea", 0), Bought("a", "cups", 0), Bought("b", "tea", 0)], ["stand"]);
        Interaction[] test = [Bought("a", "tea", 40), Bought("a", "stand", 40), Bought("b", "tea", 40), Bought("c", "tea", 40)];

        var all = TestTargets.For(withStand, test, EvaluationProtocol.All);
        var fresh = TestTargets.For(withStand, test, EvaluationProtocol.New);

        Assert.Equal(["a", "b", "c"], all.Select(target => target.UserId));
        Assert.Equal(["a", "c"], fresh.Select(target => target.UserId));
        var a = fresh.Single(target => target.UserId == "a");
        Assert.Equal(["stand"], a.Relevant.Select(item => withStand.Items[item]));
        Assert.Equal(["cups", "tea"], a.Excluded.Select(item => withStand.Items[item]).Order(StringComparer.Ordinal));
        Assert.Equal(-1, fresh.Single(target => target.UserId == "c").User);
    }

    [Fact]
    public void Run_reports_every_model_and_the_served_blend_under_both_protocols()
    {
        var (train, test) = RegularShoppers();

        var report = RecommendationEvaluation.Run(train, test, itemVectors: null, new EvaluationSettings(Factors: 8, ValidationDays: 20), TextWriter.Null, TestContext.Current.CancellationToken);

        string[] models = ["popularity", "buy-again", "item-knn", "als", "ease", "rp3beta", "tifu-knn", RecommendationEvaluation.ServedName];
        Assert.Equal(models.Length * 2, report.Rows.Count);
        foreach (var protocol in Enum.GetValues<EvaluationProtocol>())
        {
            var rows = report.Rows.Where(row => row.Protocol == protocol).ToList();
            Assert.Equal(models, rows.Select(row => row.Model));
            Assert.All(rows, row =>
            {
                Assert.InRange(row.NdcgAt10, 0, 1);
                Assert.InRange(row.HrAt10, row.NdcgAt10 > 0 ? 1e-9 : 0, 1);
                Assert.InRange(row.Coverage, 0, 1);
                Assert.True(row.Users > 0);
            });
        }
    }

    [Fact]
    public void BlendWeights_of_shoppers_who_only_reorder_lean_on_buy_again()
    {
        // Every shopper buys their same three products again and again, and nothing else.
        var train = new List<Interaction>();
        var validation = new List<Interaction>();
        for (var user = 0; user < 40; user++)
        {
            for (var day = 0; day < 60; day += 7)
            {
                foreach (var item in new[] { user % 10, (user + 3) % 10, (user + 6) % 10 })
                {
                    (day < 45 ? train : validation).Add(Bought($"u{user:D2}", $"p{item}", day));
                }
            }
        }

        var set = TrainingSet.From(train);
        var components = RecommenderSuite.Train(set, null, new EvaluationSettings(Factors: 4), TestContext.Current.CancellationToken);
        var weights = BlendWeights.Fit(set, validation, components);

        var buyAgain = components.ToList().FindIndex(component => component is BuyAgainScorer);
        var light = weights[UserSegment.Light];
        Assert.True(light[buyAgain] > 0, string.Join(", ", light));
        Assert.Equal(light[buyAgain], light.Max());
        Assert.Equal(1, weights[UserSegment.New][components.ToList().FindIndex(component => component is PopularityScorer)]);
    }

    [Fact]
    public void Run_refuses_a_training_file_shorter_than_its_validation_period()
    {
        var (train, test) = RegularShoppers();

        var refused = Assert.Throws<ArgumentException>(() => RecommendationEvaluation.Run(
            [.. train.Where(interaction => interaction.At < Start.AddDays(5))], test, null, new EvaluationSettings(ValidationDays: 30), TextWriter.Null, TestContext.Current.CancellationToken));

        Assert.Contains("must span more than the 30 validation days", refused.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// Sixty shoppers in three groups of five products; each reorders what they bought (so buy-again matters) and
    /// adds their group's other products later (so collaborative models matter). Test: the following month.
    /// </summary>
    private static (List<Interaction> Train, List<Interaction> Test) RegularShoppers()
    {
        var train = new List<Interaction>();
        var test = new List<Interaction>();
        for (var user = 0; user < 60; user++)
        {
            var group = user % 3;
            for (var day = 0; day < 90; day += 10)
            {
                var item = (user + (day / 30)) % 5;
                var target = day < 60 ? train : test;
                target.Add(Bought($"u{user:D2}", $"g{group}-{item}", day));
                target.Add(Bought($"u{user:D2}", $"g{group}-{(user % 5)}", day + 1));
            }
        }

        return (train, test);
    }

    private static Interaction Bought(string user, string item, int day) => new(user, item, Start.AddDays(day), 1);
}
