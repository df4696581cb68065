namespace Tailor.Profiles.Tests;

public sealed class SendTimePlannerTests
{
    private static readonly DateTimeOffset Monday = new(2024, 1, 8, 0, 0, 0, TimeSpan.Zero);
    private static readonly SendSchedule NightsQuiet = new(1, QuietHoursStart: 21, QuietHoursEnd: 8, Explore: false);

    [Fact]
    public void Plan_never_places_a_send_in_quiet_hours_even_when_the_user_prefers_them()
    {
        var slice = Slice(peaks: [23, 10], weights: [0.5, 0.1]);

        var sendAt = SendTimePlanner.Plan(slice, Monday, Monday.AddDays(1), NightsQuiet, seed: 1);

        Assert.Equal(Monday.AddHours(10), sendAt);
    }

    [Fact]
    public void Plan_of_a_window_inside_quiet_hours_is_null()
    {
        var slice = Slice(peaks: [23], weights: [1]);

        Assert.Null(SendTimePlanner.Plan(slice, Monday.AddHours(22), Monday.AddDays(1).AddHours(6), NightsQuiet, seed: 1));
        Assert.Null(SendTimePlanner.Plan(slice, Monday.AddHours(22), Monday.AddHours(22).AddMinutes(30), NightsQuiet, seed: 1));
    }

    [Fact]
    public void Plan_takes_the_window_of_the_configured_width_that_holds_the_most_preference()
    {
        // 12:00 alone is the best hour, but 15:00–18:00 holds more in three hours.
        var slice = Slice(peaks: [12, 15, 16, 17], weights: [0.3, 0.2, 0.2, 0.2]);
        var threeHours = new SendSchedule(3, null, null, Explore: false);

        Assert.Equal(Monday.AddHours(15), SendTimePlanner.Plan(slice, Monday, Monday.AddDays(1), threeHours, seed: 1));
        Assert.Equal(Monday.AddHours(12), SendTimePlanner.Plan(slice, Monday, Monday.AddDays(1), SendSchedule.Anytime, seed: 1));
    }

    [Fact]
    public void Plan_reads_the_preference_and_the_quiet_hours_on_the_users_clock()
    {
        // 09:00 in Tokyo is 00:00 UTC; the UK night is Tokyo's working day.
        var slice = Slice(peaks: [9], weights: [1]) with { TimeZone = "Asia/Tokyo" };

        var sendAt = SendTimePlanner.Plan(slice, Monday.AddHours(-12), Monday.AddHours(12), NightsQuiet, seed: 1);

        Assert.Equal(Monday, sendAt);
        Assert.Equal(9, slice.LocalHourOfWeek(Monday));
    }

    [Fact]
    public void Plan_follows_whole_hours_of_a_half_hour_zone()
    {
        // India is UTC+05:30: 10:00 there is 04:30 UTC.
        var slice = Slice(peaks: [10], weights: [1]) with { TimeZone = "Asia/Kolkata" };

        Assert.Equal(Monday.AddHours(4).AddMinutes(30), SendTimePlanner.Plan(slice, Monday, Monday.AddDays(1), SendSchedule.Anytime, seed: 1));
    }

    [Theory]
    [InlineData(9, 50, 10)]     // before the best hour: it is still ahead
    [InlineData(10, 40, 10)]    // inside it: the hour under way still counts, and the sender sends at once
    [InlineData(11, 5, 15)]     // past it: the next best hour, not one already over
    [InlineData(-30, 0, 10)]    // before the window opens
    [InlineData(30, 0, 10)]     // after it closed: a replay, planned in its own past
    public void Plan_of_a_window_under_way_uses_no_hour_already_over(int nowHour, int nowMinute, int sendHour)
    {
        var slice = Slice(peaks: [10, 15], weights: [0.5, 0.3]);
        var now = Monday.AddHours(nowHour).AddMinutes(nowMinute);

        Assert.Equal(Monday.AddHours(sendHour), SendTimePlanner.Plan(slice, Monday, Monday.AddDays(1), NightsQuiet, seed: 1, now));
    }

    [Fact]
    public void Plan_of_a_window_under_way_keeps_the_hour_under_way_on_the_users_clock()
    {
        // 05:00 UTC is 10:30 in India: its hour began at 04:30 UTC.
        var slice = Slice(peaks: [10], weights: [1]) with { TimeZone = "Asia/Kolkata" };

        Assert.Equal(Monday.AddHours(4).AddMinutes(30), SendTimePlanner.Plan(slice, Monday, Monday.AddDays(1), SendSchedule.Anytime, seed: 1, Monday.AddHours(5)));
    }

    [Fact]
    public void Plan_with_exploration_spreads_a_user_with_little_evidence_and_keeps_one_with_much_at_their_hour()
    {
        var explore = new SendSchedule(1, null, null, Explore: true);
        var unsure = Slice(peaks: [10, 14], weights: [0.3, 0.2]) with { Concentration = 5 };
        var sure = unsure with { Concentration = 100_000 };

        var unsureHours = Enumerable.Range(0, 200).Select(seed => SendTimePlanner.Plan(unsure, Monday, Monday.AddDays(1), explore, seed)!.Value.Hour).ToList();
        var sureHours = Enumerable.Range(0, 200).Select(seed => SendTimePlanner.Plan(sure, Monday, Monday.AddDays(1), explore, seed)!.Value.Hour).ToList();

        // The unsure user is sent at 10:00 most often, but not always; the sure one always.
        Assert.True(unsureHours.Count(hour => hour == 10) > unsureHours.Count(hour => hour == 14));
        Assert.True(unsureHours.Distinct().Count() >= 3, string.Join(",", unsureHours.Distinct()));
        Assert.All(sureHours, hour => Assert.Equal(10, hour));
        // The same seed places the same send: a retried command is not a new draw.
        Assert.Equal(SendTimePlanner.Plan(unsure, Monday, Monday.AddDays(1), explore, 7), SendTimePlanner.Plan(unsure, Monday, Monday.AddDays(1), explore, 7));
    }

    [Fact]
    public void Plan_with_exploration_is_as_sure_of_the_hours_on_a_day_with_little_mass_as_on_a_busy_one()
    {
        var explore = new SendSchedule(1, null, null, Explore: true);
        // The user's hour is 10:00 every day, but Saturday holds 1% of the week's mass (a shop shut at weekends).
        var week = new double[SendTimeSlice.HoursPerWeek];
        for (var day = 0; day < 7; day++)
        {
            var dayMass = day == 5 ? 0.01 : 0.99 / 6;
            for (var hour = 0; hour < 24; hour++)
            {
                week[(day * 24) + hour] = dayMass * (hour == 10 ? 0.6 : 0.4 / 23);
            }
        }

        var slice = new SendTimeSlice(week, 10, 40, DateTimeOffset.UnixEpoch, Concentration: 40);
        var saturday = Monday.AddDays(5);
        var mondayHours = Enumerable.Range(0, 300).Select(seed => SendTimePlanner.Plan(slice, Monday, Monday.AddDays(1), explore, seed)!.Value.Hour).ToList();
        var saturdayHours = Enumerable.Range(0, 300).Select(seed => SendTimePlanner.Plan(slice, saturday, saturday.AddDays(1), explore, seed)!.Value.Hour).ToList();

        double AtTen(List<int> hours) => hours.Count(hour => hour == 10) / (double)hours.Count;
        Assert.InRange(AtTen(mondayHours), 0.5, 1.0);
        Assert.InRange(AtTen(saturdayHours), AtTen(mondayHours) - 0.1, 1.0);
    }

    [Fact]
    public void Plan_with_exploration_keeps_the_users_hour_on_a_day_with_a_vanishing_share_of_the_week()
    {
        // What SendTime wrote for a customer with one order in a shop shut on Saturdays: 0.001% of the week on Saturday.
        var explore = new SendSchedule(1, 21, 8, Explore: true);
        var week = new double[SendTimeSlice.HoursPerWeek];
        for (var day = 0; day < 7; day++)
        {
            var dayMass = day == 5 ? 1e-5 : (1 - 1e-5) / 6;
            for (var hour = 0; hour < 24; hour++)
            {
                week[(day * 24) + hour] = dayMass * (hour == 13 ? 0.9 : 0.1 / 23);
            }
        }

        var slice = new SendTimeSlice(week, 13, 42, DateTimeOffset.UnixEpoch, Concentration: 42);
        var saturday = Monday.AddDays(5);
        var hours = Enumerable.Range(0, 200).Select(seed => SendTimePlanner.Plan(slice, saturday, saturday.AddDays(1), explore, seed)!.Value.Hour).ToList();

        Assert.True(hours.Count(hour => hour == 13) > 150, string.Join(",", hours.GroupBy(hour => hour).Select(group => $"{group.Key}h×{group.Count()}")));
    }

    [Fact]
    public void Dirichlet_draw_sums_to_one_and_averages_to_its_mean()
    {
        double[] mean = [0.5, 0.3, 0.2];
        var random = new Random(11);
        var draws = Enumerable.Range(0, 4_000).Select(_ => DirichletDraw.Sample(mean, 10, random)).ToList();

        Assert.All(draws, draw => Assert.Equal(1.0, draw.Sum(), precision: 9));
        for (var index = 0; index < mean.Length; index++)
        {
            Assert.Equal(mean[index], draws.Average(draw => draw[index]), precision: 2);
        }
    }

    // A Monday-only preference: each peak hour on Monday gets its weight; the rest is spread thinly.
    private static SendTimeSlice Slice(int[] peaks, double[] weights)
    {
        var week = Enumerable.Repeat(0.001, SendTimeSlice.HoursPerWeek).ToArray();
        for (var index = 0; index < peaks.Length; index++)
        {
            week[peaks[index]] = weights[index];
        }

        var total = week.Sum();
        return new SendTimeSlice([.. week.Select(weight => weight / total)], peaks[0], 10, Monday);
    }
}
