using Tailor.Bench.Simulation;
using Tailor.Host.Demo;

namespace Tailor.Bench.Tests;

public sealed class ControlAndIntervalTests
{
    private static RetailLine Line(string user, string invoice, string item, int day) =>
        new(invoice, item, item, 1, new DateTime(2011, 3, day, 10, 0, 0, DateTimeKind.Unspecified), 1m, user, "United Kingdom");

    [Fact]
    public void Buy_again_shows_the_most_reordered_products_first_then_the_bestsellers_it_lacks()
    {
        var control = new BuyAgainControl(["B1", "X", "B2", "B3"], itemsPerEmail: 4);
        control.Record(Line("u", "1", "X", 1));
        control.Record(Line("u", "2", "X", 2));
        control.Record(Line("u", "2", "Y", 2));
        control.Record(Line("u", "3", "Z", 3));

        // X is in two orders; Z is as often bought as Y but more recently.
        Assert.Equal(["X", "Z", "Y", "B1"], control.For("u"));
        Assert.Equal(["B1", "X", "B2", "B3"], control.For("someone new"));
    }

    [Fact]
    public void The_interval_is_the_mean_plus_or_minus_t_times_the_standard_error()
    {
        var interval = SeedInterval.Of([1, 2, 3, 4, 5]);

        Assert.Equal(3, interval.Mean, 12);
        // sd = √2.5, t(0.975, 4) = 2.776.
        Assert.Equal(2.776 * Math.Sqrt(2.5 / 5), interval.HalfWidth, 9);
        Assert.True(double.IsNaN(SeedInterval.Of([0.3]).HalfWidth));
    }

    [Fact]
    public void Paired_differences_are_taken_seed_by_seed()
    {
        // The arm beats the control by 1 point in every seed though both swing by 10 points between seeds:
        // pairing removes the swing, so the interval is zero wide.
        ArmResult Result(string arm, int seed, int clicks) => new(seed, arm, 1, 100, 50, clicks, 0, 0, 0, 0);
        ArmResult[] arm = [Result("tailor", 1, 11), Result("tailor", 2, 21), Result("tailor", 3, 16)];
        ArmResult[] control = [Result("bestsellers", 1, 10), Result("bestsellers", 2, 20), Result("bestsellers", 3, 15)];

        var difference = SimulationReport.PairedDifference(arm, control, [1, 2, 3], result => result.Clicks);

        Assert.Equal(0.01, difference.Mean, 12);
        Assert.Equal(0, difference.HalfWidth, 12);
    }
}
