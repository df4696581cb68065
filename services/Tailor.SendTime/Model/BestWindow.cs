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

    /// <summary>
    /// Each hour's window mass (the weights of that hour and <paramref name="radius"/> hours either side, wrapping
    /// around), divided by the window's width so the masses sum as the weights do.
    /// </summary>
    public static double[] Masses(IReadOnlyList<double> weights, int radius = 1)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentOutOfRangeException.ThrowIfNegative(radius);
        var masses = new double[weights.Count];
        for (var center = 0; center < weights.Count; center++)
        {
            masses[center] = Mass(weights, center, radius) / ((2 * radius) + 1);
        }

        return masses;
    }

    private static double Mass(IReadOnlyList<double> weights, int center, int radius)
    {
        var mass = 0.0;
        for (var offset = -radius; offset <= radius; offset++)
        {
            mass += weights[(((center + offset) % weights.Count) + weights.Count) % weights.Count];
        }

        return mass;
    }

    private static int Best(IReadOnlyList<double> weights, int first, int count, int radius)
    {
        var best = first;
        var bestMass = double.NegativeInfinity;
        for (var center = first; center < first + count; center++)
        {
            var mass = Mass(weights, center, radius);
            if (mass > bestMass)
            {
                bestMass = mass;
                best = center;
            }
        }

        return best;
    }
}
