namespace Tailor.Profiles;

/// <summary>
/// Places one send inside a campaign's window: the start of the window of <see cref="SendSchedule.WindowHours"/>
/// whole local hours that holds the most of the user's preference, never touching quiet hours.
/// </summary>
/// <remarks>
/// With <see cref="SendSchedule.Explore"/>, the preference is one draw from the Dirichlet posterior behind the slice
/// (mean = the weights, concentration = <see cref="SendTimeSlice.Concentration"/>) instead of its mean: Thompson sampling.
/// A user with little evidence gets a wide draw and so, across campaigns, sends at hours the mean would never pick, which
/// is how SendTime keeps learning; a user with a lot gets draws close to the mean. The draw is seeded by the caller
/// (from the campaign and user), so a retried command places the same send.
/// The week is drawn in two steps: the days' shares from Dirichlet(concentration × day shares), then each day's hours
/// from Dirichlet(concentration × that day's hour shares). SendTime learns the hours of the day across every weekday
/// (the hierarchy spreads them by weekday), so a day with little of the mass, such as a Saturday in a shop shut at
/// weekends, is as sure of its hours as the user is. One draw over all 168 hours would give that day's hours a tiny
/// concentration, and its send would land at an all but random hour.
/// </remarks>
public static class SendTimePlanner
{
    /// <summary>
    /// The send time, or null when every moment of the window is in quiet hours. A window with no whole slot clear of
    /// quiet hours sends at its first moment outside them.
    /// </summary>
    /// <param name="slice">The user's send-time slice; null plans on a flat preference in UTC (the earliest allowed slot).</param>
    /// <param name="now">
    /// When the send is planned, for a window already under way: no send goes in an hour of the user's clock that is
    /// over by then (the sender would send it at once, late, maybe in quiet hours); the hour under way still counts.
    /// A window wholly past is a replay of old data, planned in its own past. Null plans the whole window.
    /// </param>
    public static DateTimeOffset? Plan(SendTimeSlice? slice, DateTimeOffset start, DateTimeOffset end, SendSchedule schedule, int seed, DateTimeOffset? now = null)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentOutOfRangeException.ThrowIfLessThan(schedule.WindowHours, 1);
        var zone = slice?.Zone ?? TimeZoneInfo.Utc;
        if (now is { } planned && start < planned && planned < end)
        {
            start = Max(start, StartOfLocalHour(planned, zone));
        }

        var weights = Preference(slice, schedule.Explore, seed);
        var width = TimeSpan.FromHours(schedule.WindowHours);

        DateTimeOffset? best = null;
        var bestWeight = double.NegativeInfinity;
        // The hours come in order, so the first that would end past the window ends the search: a day-long window looks
        // at its own 24 hours, not the week's.
        foreach (var slot in WholeLocalHoursOfAWeek(start, zone).TakeWhile(slot => slot + width <= end))
        {
            if (Weight(slot, schedule, zone, weights) is { } weight && weight > bestWeight)
            {
                bestWeight = weight;
                best = slot;
            }
        }

        return best ?? FirstAllowedMoment(start, end, schedule, zone);
    }

    // A window that holds no whole slot clear of quiet hours (shorter than a slot, or with its only whole hours quiet)
    // still has its moments outside them: the send goes at the first. Only a window all of whose moments are quiet
    // places nothing.
    private static DateTimeOffset? FirstAllowedMoment(DateTimeOffset start, DateTimeOffset end, SendSchedule schedule, TimeZoneInfo zone)
    {
        if (!schedule.IsQuiet(TimeZoneInfo.ConvertTime(start, zone).Hour))
        {
            return start;
        }

        // Quiet hours end on a whole local hour, so the first moment after them is one.
        return WholeLocalHoursOfAWeek(start, zone)
            .TakeWhile(hour => hour < end)
            .Where(hour => !schedule.IsQuiet(TimeZoneInfo.ConvertTime(hour, zone).Hour))
            .Cast<DateTimeOffset?>()
            .FirstOrDefault();
    }

    // The slot's share of the preference, or null when any of its hours is quiet.
    private static double? Weight(DateTimeOffset slot, SendSchedule schedule, TimeZoneInfo zone, double[]? weights)
    {
        var total = 0.0;
        for (var hour = 0; hour < schedule.WindowHours; hour++)
        {
            var local = TimeZoneInfo.ConvertTime(slot.AddHours(hour), zone).DateTime;
            if (schedule.IsQuiet(local.Hour))
            {
                return null;
            }

            total += weights?[SendTimeSlice.HourOfWeek(local)] ?? 0;
        }

        return total;
    }

    private static double[]? Preference(SendTimeSlice? slice, bool explore, int seed)
    {
        if (slice?.HourOfWeekWeights is not { Length: SendTimeSlice.HoursPerWeek } weights)
        {
            return null;
        }

        return explore && slice.Concentration > 0 ? DrawByDay(weights, slice.Concentration, new Random(seed)) : weights;
    }

    // One draw of the week's preference: day shares, then each day's hours, both at the slice's concentration.
    private static double[] DrawByDay(double[] weights, double concentration, Random random)
    {
        const int hoursPerDay = 24;
        var days = Enumerable.Range(0, SendTimeSlice.HoursPerWeek / hoursPerDay)
            .Select(day => weights.AsSpan(day * hoursPerDay, hoursPerDay).ToArray())
            .ToList();
        var dayMasses = days.Select(hours => hours.Sum()).ToArray();
        var weekMass = dayMasses.Sum();
        var dayShares = DirichletDraw.Sample(dayMasses, concentration, random);
        var draw = new double[SendTimeSlice.HoursPerWeek];
        for (var day = 0; day < days.Count; day++)
        {
            var total = dayMasses[day];
            if (total <= 0)
            {
                continue;
            }

            var hours = DirichletDraw.Sample([.. days[day].Select(weight => weight / total)], concentration, random);
            // A day with a tiny share of the mass draws a gamma of a tiny shape, which can underflow to exactly 0; the
            // day's hours would then all tie at 0 and the send land at the window's first allowed hour. Its mean
            // share keeps the day's hours in their order.
            var dayShare = dayShares[day] > 0 ? dayShares[day] : total / weekMass;
            for (var hour = 0; hour < hoursPerDay; hour++)
            {
                draw[(day * hoursPerDay) + hour] = dayShare * hours[hour];
            }
        }

        return draw;
    }

    // The whole hour of the user's clock that the instant lies in; the instant itself when the clocks changed since.
    private static DateTimeOffset StartOfLocalHour(DateTimeOffset instant, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        var wallClock = local.DateTime.Date.AddHours(local.Hour);
        var hourStart = new DateTimeOffset(wallClock, local.Offset);
        return TimeZoneInfo.ConvertTime(hourStart, zone).DateTime == wallClock ? hourStart : instant;
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    // The whole hours of the user's clock from the start on, one week of them, as instants: an hour the clocks skip has
    // none and an hour they repeat has two, earlier first. Stepping the clock on the wall, not in UTC, keeps the slots
    // on whole local hours in zones whose offsets are not whole hours (India's hours start at :30 UTC) and across a
    // change of offset that is not a whole hour (Lord Howe Island's clocks move by 30 minutes).
    private static IEnumerable<DateTimeOffset> WholeLocalHoursOfAWeek(DateTimeOffset start, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(start, zone).DateTime;
        var firstHour = local.Date.AddHours(local.Hour);
        for (var step = 0; step <= SendTimeSlice.HoursPerWeek; step++)
        {
            var wallClock = firstHour.AddHours(step);
            if (zone.IsInvalidTime(wallClock))
            {
                continue;
            }

            if (!zone.IsAmbiguousTime(wallClock))
            {
                if (new DateTimeOffset(wallClock, zone.GetUtcOffset(wallClock)) is var instant && instant >= start)
                {
                    yield return instant;
                }

                continue;
            }

            // The larger offset is the earlier instant: the hour before the clocks went back.
            foreach (var offset in zone.GetAmbiguousTimeOffsets(wallClock).OrderDescending())
            {
                if (new DateTimeOffset(wallClock, offset) is var instant && instant >= start)
                {
                    yield return instant;
                }
            }
        }
    }
}
