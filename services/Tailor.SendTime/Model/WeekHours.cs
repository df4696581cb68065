using Tailor.Profiles;

namespace Tailor.SendTime.Model;

/// <summary>The hour-of-week grid every send-time model works on: index = day from Monday × 24 + hour, in local time.</summary>
public static class WeekHours
{
    public const int Count = SendTimeSlice.HoursPerWeek;
    public const int PerDay = 24;
    public const int Days = 7;

    /// <summary>The local hour of the week of an instant in a time zone (DST-correct on that date).</summary>
    public static int Of(DateTimeOffset instant, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return Of(TimeZoneInfo.ConvertTime(instant, zone).DateTime);
    }

    /// <summary>The hour of the week of a wall-clock time (the grid the profile slice is indexed on).</summary>
    public static int Of(DateTime wallClock) => SendTimeSlice.HourOfWeek(wallClock);

    /// <summary>Sums the week into its 24 hours of the day.</summary>
    public static double[] FoldToDay(IReadOnlyList<double> week)
    {
        ArgumentNullException.ThrowIfNull(week);
        var day = new double[PerDay];
        for (var hour = 0; hour < Count; hour++)
        {
            day[hour % PerDay] += week[hour];
        }

        return day;
    }

    /// <summary>Scales non-negative weights to sum to 1; all zero becomes uniform.</summary>
    public static double[] Normalize(IReadOnlyList<double> weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        var total = weights.Sum();
        return total > 0 ? [.. weights.Select(weight => weight / total)] : [.. weights.Select(_ => 1.0 / weights.Count)];
    }

    /// <summary>Distance between two hours on a circular grid of <paramref name="period"/> hours.</summary>
    public static int CircularDistance(int a, int b, int period)
    {
        var distance = Math.Abs(a - b) % period;
        return Math.Min(distance, period - distance);
    }
}
