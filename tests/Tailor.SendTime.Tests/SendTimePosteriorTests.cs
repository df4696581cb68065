using Tailor.Profiles;
using Tailor.SendTime.Learning;
using Tailor.Testing;

namespace Tailor.SendTime.Tests;

public sealed class SendTimePosteriorTests
{
    private const double PriorStrength = 10;

    // Sunday 03:00 UTC: nobody shops from a gift wholesaler then, so a user who does is easy to tell from everyone.
    private const int SundayThreeAm = (6 * 24) + 3;

    private static readonly HourOfWeekCounts Population = PopulationOfFirstLines(3_000);

    [Fact]
    public void Weights_of_a_user_with_two_events_stay_close_to_the_population()
    {
        var user = Counts(SundayThreeAm, events: 2);

        var weights = SendTimePosterior.Weights(user, Population, PriorStrength);

        Assert.Equal(1.0, weights.Sum(), 9);
        // (2 own + 10 prior) events: at most 2/12 of the mass can differ from the population's.
        var distance = TotalVariation(weights, Distribution(Population));
        Assert.InRange(distance, 0.0, (2 / 12.0) + 1e-9);
        Assert.Equal(SendTimePosterior.BestHour(Distribution(Population)), SendTimePosterior.BestHour(weights));
    }

    [Fact]
    public void Weights_of_a_user_with_two_hundred_events_are_close_to_their_own()
    {
        var user = Counts(SundayThreeAm, events: 150);
        for (var i = 0; i < 50; i++)
        {
            user.Add(SundayThreeAm + 1, 1);
        }

        var weights = SendTimePosterior.Weights(user, Population, PriorStrength);

        Assert.Equal(1.0, weights.Sum(), 9);
        Assert.InRange(TotalVariation(weights, Distribution(user)), 0.0, (10 / 210.0) + 1e-9);
        Assert.True(TotalVariation(weights, Distribution(Population)) > 0.9);
        Assert.Equal(SundayThreeAm, SendTimePosterior.BestHour(weights));
    }

    [Fact]
    public void Weights_with_no_population_yet_smooth_towards_a_uniform_week()
    {
        var user = Counts(SundayThreeAm, events: 10);

        var weights = SendTimePosterior.Weights(user, new HourOfWeekCounts(), PriorStrength);

        Assert.Equal((10 + (10.0 / 168)) / 20, weights[SundayThreeAm], 12);
        Assert.Equal(10.0 / 168 / 20, weights[0], 12);
    }

    [Fact]
    public void BestHour_is_the_hour_the_user_is_most_active()
    {
        // Tuesday 14:00 three times, Monday 09:00 once.
        var user = Counts(24 + 14, events: 3);
        user.Add(9, 1);

        var best = SendTimePosterior.BestHour(SendTimePosterior.Weights(user, Population, priorStrength: 1));

        Assert.Equal(24 + 14, best);
    }

    [Fact]
    public void BestHour_ties_go_to_the_earliest_hour()
    {
        var weights = new double[SendTimeSlice.HoursPerWeek];
        weights[40] = 0.5;
        weights[100] = 0.5;

        Assert.Equal(40, SendTimePosterior.BestHour(weights));
    }

    [Fact]
    public void Population_of_real_purchases_peaks_in_uk_shop_hours()
    {
        var best = SendTimePosterior.BestHour(Distribution(Population));

        // The shop's customers buy on weekdays between 07:00 and 20:00 UK time (UTC in winter).
        Assert.InRange(best % 24, 7, 19);
        Assert.InRange(best / 24, 0, 4);
    }

    private static HourOfWeekCounts PopulationOfFirstLines(int lines)
    {
        var population = new HourOfWeekCounts();
        foreach (var purchase in OnlineRetailSlice.Purchases(lines))
        {
            population.Add(SendTimeSlice.HourOfWeek(purchase.OccurredAt), 1);
        }

        return population;
    }

    private static HourOfWeekCounts Counts(int hourOfWeek, int events)
    {
        var counts = new HourOfWeekCounts();
        for (var i = 0; i < events; i++)
        {
            counts.Add(hourOfWeek, 1);
        }

        return counts;
    }

    private static double[] Distribution(HourOfWeekCounts counts)
    {
        var total = counts.TotalWeight();
        return [.. counts.Weights.Select(weight => weight / total)];
    }

    private static double TotalVariation(IReadOnlyList<double> p, IReadOnlyList<double> q) =>
        p.Zip(q, (a, b) => Math.Abs(a - b)).Sum() / 2;
}
