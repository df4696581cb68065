using Tailor.SendTime.Model;

namespace Tailor.SendTime.Tests;

public sealed class SendTimeHierarchyTests
{
    private const int TuesdayNine = 24 + 9;
    private static readonly PriorStrengths Strengths = new(Cohort: 50, Day: 5, Week: 10);

    [Fact]
    public void Posterior_sums_to_one_and_a_user_with_two_events_is_mostly_their_cohort()
    {
        var cohort = Counts((TuesdayNine + 10, 500));
        var user = Counts((TuesdayNine, 2));

        var weights = SendTimeHierarchy.Posterior(user, cohort, Counts((TuesdayNine + 10, 5_000)), Strengths);

        Assert.Equal(1.0, weights.Sum(), precision: 9);
        Assert.Equal(TuesdayNine + 10, Array.IndexOf(weights, weights.Max()));
    }

    [Fact]
    public void Posterior_of_a_user_with_two_hundred_events_is_mostly_themself()
    {
        var weights = SendTimeHierarchy.Posterior(Counts((TuesdayNine, 200)), Counts((TuesdayNine + 10, 500)), Counts((TuesdayNine + 10, 5_000)), Strengths);

        Assert.Equal(TuesdayNine, Array.IndexOf(weights, weights.Max()));
        Assert.True(weights[TuesdayNine] > 0.9);
    }

    [Fact]
    public void Posterior_carries_a_users_hour_of_the_day_to_the_other_weekdays()
    {
        // Seen at 09:00 on Tuesdays only; the population is flat. Thursday 09:00 should beat Thursday 15:00.
        var weights = SendTimeHierarchy.Posterior(Counts((TuesdayNine, 6)), null, Enumerable.Repeat(1.0, WeekHours.Count).ToArray(), Strengths);

        Assert.True(weights[(3 * 24) + 9] > weights[(3 * 24) + 15] * 2);
        Assert.Equal(9, BestWindow.HourOnWeekday(weights, 3, radius: 0));
    }

    [Fact]
    public void Posterior_on_a_weekday_nobody_was_active_still_follows_the_users_hours_of_the_day()
    {
        // The population never shops on Saturdays (like Online Retail's); the user shops at 10:00 on weekdays.
        var population = Enumerable.Range(0, WeekHours.Count).Select(hour => hour / 24 == 5 ? 0.0 : hour % 24 is >= 8 and <= 18 ? 10.0 : 1.0).ToArray();
        var user = Counts((10, 3), (24 + 10, 3), (48 + 10, 3));

        var weights = SendTimeHierarchy.Posterior(user, null, population, Strengths);

        Assert.Equal(10, BestWindow.HourOnWeekday(weights, 5, radius: 0));
        Assert.True(weights[(5 * 24) + 10] > weights[(5 * 24) + 3] * 3);
    }

    [Fact]
    public void Prior_strength_fit_is_large_when_users_look_like_the_prior_and_small_when_each_has_their_own_hour()
    {
        var prior = WeekHours.Normalize(Enumerable.Range(0, WeekHours.Count).Select(hour => hour % 24 is >= 8 and <= 18 ? 1.0 : 0.1).ToArray());
        var random = new Random(3);
        var alike = Enumerable.Range(0, 200).Select(_ => Sample(prior, 10, random)).ToList();
        var ownHour = Enumerable.Range(0, 200).Select(user => Counts(((user * 7) % WeekHours.Count, 10))).ToList();

        var alikeStrength = PriorStrengthFit.Fit([.. alike.Select(counts => ((IReadOnlyList<double>)counts, (IReadOnlyList<double>)prior))]);
        var ownStrength = PriorStrengthFit.Fit([.. ownHour.Select(counts => ((IReadOnlyList<double>)counts, (IReadOnlyList<double>)prior))]);

        Assert.True(alikeStrength > 100, $"alike: {alikeStrength}");
        Assert.True(ownStrength < 1, $"own: {ownStrength}");
        Assert.Null(PriorStrengthFit.Fit([(Counts((0, 1)), prior)]));
    }

    [Theory]
    [InlineData(1.0, 0.0)]
    [InlineData(5.0, 3.1780538303479458)]
    [InlineData(0.5, 0.5723649429247001)]
    [InlineData(100.0, 359.13420536957540)]
    public void LogGamma_matches_known_values(double x, double expected) =>
        Assert.Equal(expected, PriorStrengthFit.LogGamma(x), precision: 9);

    [Fact]
    public void Best_window_takes_the_hour_with_the_most_weight_either_side_and_wraps_round_midnight()
    {
        var day = new double[24];
        day[10] = 5;
        day[22] = 3;
        day[23] = 3;
        day[0] = 3;

        Assert.Equal(23, BestWindow.HourOfDay(day));
        Assert.Equal(10, BestWindow.HourOfDay(day, radius: 0));
    }

    private static double[] Counts(params (int Hour, double Weight)[] counts)
    {
        var week = new double[WeekHours.Count];
        foreach (var (hour, weight) in counts)
        {
            week[hour] += weight;
        }

        return week;
    }

    private static double[] Sample(double[] distribution, int events, Random random)
    {
        var counts = new double[distribution.Length];
        for (var draw = 0; draw < events; draw++)
        {
            var target = random.NextDouble();
            var index = 0;
            for (var cumulative = distribution[0]; cumulative < target && index < distribution.Length - 1; cumulative += distribution[++index])
            {
            }

            counts[index]++;
        }

        return counts;
    }
}
