using Tailor.SendTime.Model;

namespace Tailor.SendTime.Evaluation;

/// <summary>
/// The features the learned model scores an hour by, the same in training, in the evaluation and in serving: each is
/// read from a user's own counts, their hierarchy posterior and the population, and each window is the hour ±1.
/// </summary>
public static class HourFeatures
{
    public const int Count = 9;

    /// <param name="own">The user's own counts over the week; null or empty for a user never seen.</param>
    /// <param name="posterior">The user's hierarchy posterior over the week.</param>
    /// <param name="population">The population's counts or shares over the week.</param>
    public static float[] For(IReadOnlyList<double>? own, IReadOnlyList<double> posterior, IReadOnlyList<double> population, int weekday, int hour)
    {
        ArgumentNullException.ThrowIfNull(posterior);
        ArgumentNullException.ThrowIfNull(population);
        var ownTotal = own?.Sum() ?? 0;
        return
        [
            (float)WeekdayShare(posterior, weekday, hour),
            (float)DayShare(posterior, hour),
            own is null || ownTotal == 0 ? 0 : (float)DayShare(own, hour),
            own is null || ownTotal == 0 ? 0 : (float)WeekdayShare(own, weekday, hour),
            (float)DayShare(population, hour),
            (float)WeekdayShare(population, weekday, hour),
            (float)Math.Log(1 + ownTotal),
            hour,
            weekday,
        ];
    }

    // The share of the whole week's weight that falls in the window around this hour of the day, on any weekday.
    private static double DayShare(IReadOnlyList<double> week, int hour)
    {
        var day = WeekHours.FoldToDay(week);
        var total = day.Sum();
        return total <= 0 ? 0 : Window(day, hour) / total;
    }

    // The share of one weekday's weight in the window around the hour on that weekday.
    private static double WeekdayShare(IReadOnlyList<double> week, int weekday, int hour)
    {
        var day = week.Skip(weekday * WeekHours.PerDay).Take(WeekHours.PerDay).ToArray();
        var total = day.Sum();
        return total <= 0 ? 0 : Window(day, hour) / total;
    }

    private static double Window(IReadOnlyList<double> day, int hour) =>
        day[(hour + WeekHours.PerDay - 1) % WeekHours.PerDay] + day[hour] + day[(hour + 1) % WeekHours.PerDay];
}
