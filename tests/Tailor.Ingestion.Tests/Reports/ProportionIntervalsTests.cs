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

    [Theory]
    [InlineData(50, 100, 1, 1)]
    [InlineData(3, 3, 1, 1)]
    [InlineData(1, 1, 1, 1)]
    [InlineData(49, 50, 7, 7)]
    [InlineData(20, 20, 3, 9)]
    public void The_ratio_has_no_interval_when_an_arm_had_the_event_in_every_email(int x1, int n1, int x2, int n2)
    {
        // The log interval's variance of an arm, 1/x − 1/n, is 0 when x = n: one control email that was opened would
        // otherwise give 50/100 against 1/1 a "significant" ratio of 0.41 to 0.61, while the difference's interval for the
        // same counts (−0.596 to 0.299) contains 0. Checked by enumeration in python3: with a control group of one email the
        // log interval covers the true ratio in 0% of the campaigns it gives one for.
        Assert.Null(ProportionIntervals.Ratio(x1, n1, x2, n2));
    }

    [Fact]
    public void Every_interval_is_finite_and_ordered_for_every_count_of_tiny_groups()
    {
        // Every count a report of up to 8 emails per arm can hold: no NaN or infinity ever reaches the JSON.
        for (var n1 = 1; n1 <= 8; n1++)
        {
            for (var n2 = 1; n2 <= 8; n2++)
            {
                for (var x1 = 0; x1 <= n1; x1++)
                {
                    for (var x2 = 0; x2 <= n2; x2++)
                    {
                        var difference = ProportionIntervals.Difference(x1, n1, x2, n2);
                        Assert.True(double.IsFinite(difference.Lower) && double.IsFinite(difference.Upper), $"{x1}/{n1} against {x2}/{n2}");
                        Assert.InRange(difference.Lower, -1, difference.Estimate);
                        Assert.InRange(difference.Upper, difference.Estimate, 1);
                        if (ProportionIntervals.Ratio(x1, n1, x2, n2) is { } ratio)
                        {
                            Assert.True(double.IsFinite(ratio.Lower) && double.IsFinite(ratio.Upper), $"{x1}/{n1} against {x2}/{n2}");
                            Assert.InRange(ratio.Lower, double.Epsilon, ratio.Estimate);
                            Assert.InRange(ratio.Upper, ratio.Estimate, double.MaxValue);
                        }
                    }
                }
            }
        }
    }

    [Fact]
    public void Large_groups_keep_their_precision()
    {
        // Reference values from an independent python3 computation of the same formulas (docs/campaign-reports.md).
        var difference = ProportionIntervals.Difference(30_000_000, 100_000_000, 1_400_000, 5_000_000);
        Assert.Equal(0.02, difference.Estimate, 1e-12);
        Assert.Equal(0.0195961605735, difference.Lower, 1e-11);
        Assert.Equal(0.0204035132710, difference.Upper, 1e-11);
        var ratio = ProportionIntervals.Ratio(30_000_000, 100_000_000, 1_400_000, 5_000_000);
        Assert.NotNull(ratio);
        Assert.Equal(1.069889933, ratio.Lower, 1e-9);
        Assert.Equal(1.072969423, ratio.Upper, 1e-9);

        var rare = ProportionIntervals.Difference(1, 2_000_000_000, 1, 100_000_000);
        Assert.Equal(-9.5e-9, rare.Estimate, 1e-18);
        Assert.Equal(-5.615115742159e-8, rare.Lower, 1e-18);
        Assert.Equal(-9.412860939086e-10, rare.Upper, 1e-18);
    }
}
