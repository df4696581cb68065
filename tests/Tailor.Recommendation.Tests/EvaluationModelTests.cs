using Tailor.Recommendation.Als;
using Tailor.Recommendation.Scoring;

namespace Tailor.Recommendation.Tests;

/// <summary>Each evaluation model on small data whose right answer is plain.</summary>
public sealed class EvaluationModelTests(RealItemVectors model)
{
    private static readonly DateTimeOffset Start = new(2011, 3, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Popularity_counts_the_users_of_each_item_in_the_recent_window_only()
    {
        var set = TrainingSet.From(
        [
            Bought("a", "old", day: 0), Bought("b", "old", day: 0), Bought("c", "old", day: 1),
            Bought("a", "new", day: 60), Bought("b", "new", day: 61),
        ]);

        var scores = Score(new PopularityScorer(set, TimeSpan.FromDays(30)), set, "c");

        Assert.Equal(2, scores[set.ItemIndex["new"]]);
        Assert.Equal(0, scores[set.ItemIndex["old"]]);
    }

    [Fact]
    public void BuyAgain_prefers_what_the_user_took_more_often_and_more_recently()
    {
        var set = TrainingSet.From(
        [
            Bought("a", "often", day: 50), Bought("a", "often", day: 55), Bought("a", "often", day: 60),
            Bought("a", "once-long-ago", day: 0), Bought("a", "once-lately", day: 60), Bought("b", "never-by-a", day: 60),
        ]);

        var ranked = TopItems.Of(Score(new BuyAgainScorer(set, TimeSpan.FromDays(30)), set, "a"), k: 3);

        Assert.Equal(["often", "once-lately", "once-long-ago"], ranked.Select(item => set.Items[item]));
        Assert.All(Score(new BuyAgainScorer(set, TimeSpan.FromDays(30)), set, "stranger"), score => Assert.Equal(0, score));
    }

    [Fact]
    public void ItemKnn_recommends_what_buyers_of_the_same_items_also_took()
    {
        // Everyone who took tea also took cups; the cake buyers took stands.
        var set = TrainingSet.From(
        [
            Bought("a", "tea"), Bought("a", "cups"), Bought("b", "tea"), Bought("b", "cups"),
            Bought("c", "cake"), Bought("c", "stand"), Bought("d", "cake"), Bought("d", "stand"),
            Bought("e", "tea"),
        ]);

        var scores = Score(new ItemKnnScorer(set, neighbours: 10), set, "e");

        Assert.Equal("cups", set.Items[TopItems.Of(scores, k: 1, exclude: item => set.Items[item] == "tea")[0]]);
        Assert.Equal(0, scores[set.ItemIndex["stand"]]);
    }

    [Theory]
    [InlineData("ease")]
    [InlineData("rp3beta")]
    public void Ease_and_Rp3Beta_recommend_what_buyers_of_the_same_items_also_took(string name)
    {
        // Everyone who took tea also took cups; the cake buyers took stands.
        var set = TrainingSet.From(
        [
            Bought("a", "tea"), Bought("a", "cups"), Bought("b", "tea"), Bought("b", "cups"),
            Bought("c", "cake"), Bought("c", "stand"), Bought("d", "cake"), Bought("d", "stand"),
            Bought("e", "tea"),
        ]);
        IItemScorer model = name == "ease" ? new EaseScorer(set, lambda: 0.5) : new Rp3BetaScorer(set, beta: 0.5, neighbours: 10);

        var scores = Score(model, set, "e");

        Assert.Equal("cups", set.Items[TopItems.Of(scores, k: 1, exclude: item => set.Items[item] == "tea")[0]]);
        Assert.True(scores[set.ItemIndex["cups"]] > scores[set.ItemIndex["stand"]]);
        Assert.All(Score(model, set, "stranger"), score => Assert.Equal(0, score));
    }

    [Fact]
    public void Ease_matches_the_closed_form_on_a_small_catalogue()
    {
        // Two items, three users: XᵀX = [[2, 1], [1, 2]]; with λ = 1, P = [[3, 1], [1, 3]]⁻¹ = [[3, -1], [-1, 3]] / 8,
        // so B[0,1] = −P[0,1] / P[1,1] = 1/3.
        var set = TrainingSet.From([Bought("a", "x"), Bought("a", "y"), Bought("b", "x"), Bought("c", "y")]);

        var scores = Score(new EaseScorer(set, lambda: 1), set, "b");

        Assert.Equal(1 / 3f, scores[set.ItemIndex["y"]], 5);
        Assert.Equal(0, scores[set.ItemIndex["x"]]);
    }

    [Fact]
    public void TifuKnn_ranks_the_users_re_orders_first_recent_ones_higher_then_what_similar_users_buy()
    {
        // "a" orders tea every week, took a cake in their first order and jam in their last; "b" and "c" take tea with
        // cups; "d" shares nothing with "a".
        var set = TrainingSet.From(
        [
            Bought("a", "cake", day: 0), Bought("a", "tea", day: 7), Bought("a", "tea", day: 14), Bought("a", "tea", day: 21), Bought("a", "jam", day: 21),
            Bought("b", "tea", day: 3), Bought("b", "cups", day: 3), Bought("c", "tea", day: 5), Bought("c", "cups", day: 5),
            Bought("d", "stand", day: 2),
        ]);
        var model = new TifuKnnScorer(set, neighbours: 2, basketDecay: 0.9, groupDecay: 0.7, alpha: 0.9, groupSize: 2);

        var scores = Score(model, set, "a");

        Assert.Equal("tea", set.Items[TopItems.Of(scores, k: 1)[0]]);
        // Each taken once: the latest basket's item above the oldest's.
        Assert.True(scores[set.ItemIndex["jam"]] > scores[set.ItemIndex["cake"]]);
        // Never bought by "a", but by both users who buy tea as "a" does.
        Assert.True(scores[set.ItemIndex["cups"]] > 0);
        Assert.Equal(0, scores[set.ItemIndex["stand"]]);
        Assert.All(Score(model, set, "stranger"), score => Assert.Equal(0, score));
    }

    [Fact]
    public void TrainingSet_keeps_each_users_baskets_in_time_order()
    {
        var set = TrainingSet.From([Bought("a", "y", day: 5), Bought("a", "x", day: 0), Bought("a", "z", day: 5), Bought("a", "x", day: 5, weight: 2)]);

        var baskets = set.Baskets[set.UserNumber("a")].Select(basket => basket.Select(item => set.Items[item]));

        Assert.Equal<IEnumerable<string>>([["x"], ["x", "y", "z"]], baskets);
    }

    [Fact]
    public void Content_ranks_items_no_one_took_by_their_closeness_to_what_the_user_took()
    {
        var set = TrainingSet.From([Bought("a", "85123A"), Bought("b", "22423")], ["71053", "22960"]);
        var vectors = new Dictionary<string, float[]>
        {
            ["85123A"] = model.Embed("WHITE HANGING HEART T-LIGHT HOLDER"),
            ["22423"] = model.Embed("REGENCY CAKESTAND 3 TIER"),
            ["71053"] = model.Embed("WHITE METAL LANTERN"),
            ["22960"] = model.Embed("JAM MAKING SET WITH JARS"),
        };

        var scores = Score(new ContentScorer(set, vectors, TimeSpan.FromDays(30)), set, "a");

        Assert.True(scores[set.ItemIndex["71053"]] > scores[set.ItemIndex["22960"]]);
    }

    [Fact]
    public void Als_puts_items_of_the_users_own_group_above_the_other_groups()
    {
        var interactions = new List<Interaction>();
        for (var user = 0; user < 20; user++)
        {
            var group = user % 2 == 0 ? "garden" : "kitchen";
            for (var item = 0; item < 5; item++)
            {
                if ((user + item) % 5 != 0)
                {
                    interactions.Add(Bought($"u{user:D2}", $"{group}-{item}"));
                }
            }
        }

        var set = TrainingSet.From(interactions);
        var als = new AlsScorer(set, new AlsParameters(8, 0.1f, 15, 3, 42), ConfidenceScaling.Bm25, alpha: 5);

        var top = TopItems.Of(Score(als, set, "u00"), k: 5);

        Assert.All(top, item => Assert.StartsWith("garden", set.Items[item], StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(ConfidenceScaling.Linear)]
    [InlineData(ConfidenceScaling.Log)]
    [InlineData(ConfidenceScaling.Bm25)]
    public void Confidence_grows_with_the_weight_and_is_at_least_one(ConfidenceScaling scaling)
    {
        var set = TrainingSet.From([Bought("a", "x", weight: 1), Bought("a", "y", weight: 50), Bought("b", "z", weight: 1)]);

        var cells = AlsScorer.Cells(set, scaling, alpha: 2).ToDictionary(cell => (cell.Row, cell.Column), cell => cell.Value);

        Assert.True(cells[(0, set.ItemIndex["y"])] > cells[(0, set.ItemIndex["x"])]);
        Assert.All(cells.Values, value => Assert.True(value >= 1));
    }

    private static float[] Score(IItemScorer scorer, TrainingSet set, string userId)
    {
        var scores = new float[set.Items.Count];
        scorer.Score(set.UserNumber(userId), scores);
        return scores;
    }

    private static Interaction Bought(string user, string item, int day = 0, double weight = 1) => new(user, item, Start.AddDays(day), weight);
}
