using Tailor.Ingestion.Reports;

namespace Tailor.Ingestion.Tests.Reports;

/// <summary>The intervals against the worked examples of the papers that define them.</summary>
public sealed class ProportionIntervalsTests
{
    [Fact]
    public void Wilson_matches_Newcombes_example_of_81_in_263()
    {
        // Newcombe (1998), "Two-sided confidence intervals for the single proportion", Table I: 0.2553 to 0.3662.
        var (lower, upper) = ProportionIntervals.Wilson(81, 263);

        Assert.Equal(0.2553, lower, 0.0001);
        Assert.Equal(0.3662, upper, 0.0001);
    }

    [Theory]
    [InlineData(56, 70, 48, 80, 0.0524, 0.3339)]
    [InlineData(9, 10, 3, 10, 0.1705, 0.8090)]
    public void Newcombes_hybrid_score_interval_matches_his_table_of_examples(int x1, int n1, int x2, int n2, double lower, double upper)
    {
        // Newcombe (1998), "Interval estimation for the difference between independent proportions", Table II, method 10.
        var difference = ProportionIntervals.Difference(x1, n1, x2, n2);

        Assert.Equal((double)x1 / n1 - ((double)x2 / n2), difference.Estimate, 1e-12);
        Assert.Equal(lower, difference.Lower, 0.0001);
        Assert.Equal(upper, difference.Upper, 0.0001);
    }

    [Fact]
    public void The_difference_interval_stays_inside_minus_one_to_one_at_the_extremes()
    {
        var allAgainstNone = ProportionIntervals.Difference(20, 20, 0, 20);

        Assert.Equal(1, allAgainstNone.Estimate);
        Assert.InRange(allAgainstNone.Lower, 0.5, 1);
        Assert.Equal(1, allAgainstNone.Upper, 1e-12);
    }

    [Fact]
    public void The_ratio_interval_is_the_log_interval_and_has_no_value_without_events_in_an_arm()
    {
        // 30/100 against 20/100: ratio 1.5, standard error of its log √(1/30 − 1/100 + 1/20 − 1/100) = √0.06333 = 0.25166,
        // so 1.5·exp(±1.95996 × 0.25166) = 1.5·exp(±0.49325) = 0.9160 to 2.4564.
        var ratio = ProportionIntervals.Ratio(30, 100, 20, 100);

        Assert.NotNull(ratio);
        Assert.Equal(1.5, ratio.Estimate, 1e-12);
        Assert.Equal(0.9160, ratio.Lower, 0.0001);
        Assert.Equal(2.4564, ratio.Upper, 0.0001);
        Assert.Null(ProportionIntervals.Ratio(0, 100, 20, 100));
        Assert.Null(ProportionIntervals.Ratio(30, 100, 0, 100));
    }
}
