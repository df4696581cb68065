using Tailor.Recommendation.Evaluation;
using Tailor.Recommendation.Scoring;

namespace Tailor.Recommendation.Tests;

public sealed class SegmentFiguresTests
{
    private static readonly DateTimeOffset Day = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ListFigures_averages_over_everyone_and_over_each_segment_the_blend_uses()
    {
        // "light" took 2 items, "heavy" took 25: under and over the 20 distinct items of UserSegments.HeavyFrom.
        var train = TrainingSet.From([
            .. Enumerable.Range(0, 2).Select(item => new Interaction("light", $"i{item:D2}", Day, 1)),
            .. Enumerable.Range(0, UserSegments.HeavyFrom + 5).Select(item => new Interaction("heavy", $"i{item:D2}", Day, 1)),
        ]);
        var test = new[]
        {
            new Interaction("light", "i05", Day.AddDays(1), 1),
            new Interaction("heavy", "i07", Day.AddDays(1), 1),
            new Interaction("stranger", "i09", Day.AddDays(1), 1),
        };
        var targets = TestTargets.For(train, test, EvaluationProtocol.All);
        var item = train.ItemIndex;
        IReadOnlyList<int>[] lists = [[item["i07"], item["i09"]], [item["i01"], item["i05"]], [item["i09"]]];

        var figures = ListFigures.Of(train, targets, lists, k: 10);

        // In id order: heavy hits at 1, light at 2, stranger (new) at 1.
        Assert.Equal(["heavy", "light", "stranger"], targets.Select(target => target.UserId));
        var segments = figures.Segments.ToDictionary(segment => segment.Segment);
        Assert.Equal([UserSegment.New, UserSegment.Light, UserSegment.Heavy], figures.Segments.Select(segment => segment.Segment));
        Assert.Equal(1, segments[UserSegment.New].Ndcg, precision: 12);
        Assert.Equal(1 / Math.Log2(3), segments[UserSegment.Light].Ndcg, precision: 12);
        Assert.Equal(1, segments[UserSegment.Heavy].Ndcg, precision: 12);
        Assert.All(figures.Segments, segment => Assert.Equal(1, segment.Users));
        Assert.Equal((2 + (1 / Math.Log2(3))) / 3, figures.Ndcg, precision: 12);
        Assert.Equal(1, figures.HitRate);
        Assert.Equal(3, figures.Users);
    }

    [Fact]
    public void OfflineEvaluation_rows_carry_each_segments_figures_and_their_users_add_up()
    {
        var train = TrainingSet.From([
            .. Enumerable.Range(0, 30).Select(item => new Interaction("heavy", $"i{item:D2}", Day, 1)),
            new Interaction("light", "i01", Day, 1),
        ]);
        var test = new[] { new Interaction("light", "i02", Day.AddDays(1), 1), new Interaction("new", "i03", Day.AddDays(1), 1), new Interaction("heavy", "i00", Day.AddDays(1), 1) };

        var row = OfflineEvaluation.Evaluate(train, new PopularityScorer(train, TimeSpan.FromDays(14)), TestTargets.For(train, test, EvaluationProtocol.All), EvaluationProtocol.All);

        Assert.NotNull(row.Segments);
        Assert.Equal(row.Users, row.Segments.Sum(segment => segment.Users));
        Assert.Equal(row.NdcgAt10, row.Segments.Sum(segment => segment.Ndcg * segment.Users) / row.Users, precision: 12);
    }

    [Fact]
    public void Repurchases_count_only_what_a_known_user_takes_again()
    {
        var train = TrainingSet.From([
            new Interaction("regular", "tea", Day, 1),
            new Interaction("regular", "mug", Day, 1),
            new Interaction("explorer", "tea", Day, 1),
        ]);
        var test = new[]
        {
            new Interaction("regular", "tea", Day.AddDays(1), 1),
            new Interaction("regular", "mug", Day.AddDays(1), 1),
            new Interaction("regular", "pot", Day.AddDays(1), 1),
            new Interaction("explorer", "mug", Day.AddDays(1), 1),
            new Interaction("newcomer", "tea", Day.AddDays(1), 1),
        };

        var targets = TestTargets.Repurchases(train, test);

        var regular = Assert.Single(targets);
        Assert.Equal("regular", regular.UserId);
        Assert.Equal(new HashSet<int> { train.ItemIndex["tea"], train.ItemIndex["mug"] }, regular.Relevant);
        Assert.Empty(regular.Excluded);
    }
}
