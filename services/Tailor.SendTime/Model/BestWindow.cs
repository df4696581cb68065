namespace Tailor.SendTime.Model;

/// <summary>The hour whose window (that hour and <c>radius</c> hours either side) holds the most weight.</summary>
public static class BestWindow
{
    /// <summary>The best hour of the day of a 24-hour distribution; the window wraps around midnight. Ties go to the earliest hour.</summary>
    public static int HourOfDay(IReadOnlyList<double> day, int radius = 1)
    {
        ArgumentNullException.ThrowIfNull(day);
        return Best(day, 0, WeekHours.PerDay, radius);
    }

    /// <summary>The best hour of the day on one weekday (0 = Monday) of a 168-hour distribution; the window runs into the days either side.</summary>
    public static int HourOnWeekday(IReadOnlyList<double> week, int weekday, int radius = 1)
    {
        ArgumentNullException.ThrowIfNull(week);
        ArgumentOutOfRangeException.ThrowIfNegative(weekday);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(weekday, WeekHours.Days);
        return Best(week, weekday * WeekHours.PerDay, WeekHours.PerDay, radius) - (weekday * WeekHours.PerDay);
    }

    private static int Best(IReadOnlyList<double> weights, int first, int count, int radius)
    {
        var best = first;
        var bestMass = double.NegativeInfinity;
        for (var center = first; center < first + count; center++)
        {
            var mass = 0.0;
            for (var offset = -radius; offset <= radius; offset++)
            {
                mass += weights[(((center + offset) % weights.Count) + weights.Count) % weights.Count];
            }

            if (mass > bestMass)
            {
                bestMass = mass;
                best = center;
            }
        }

        return best;
    }
}
