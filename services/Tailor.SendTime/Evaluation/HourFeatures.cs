using Tailor.SendTime.Model;

namespace Tailor.SendTime.Evaluation;

/// <summary>The features <see cref="LearnedSendTime"/> scores an hour by, all read from one training set; each window is the hour ±1.</summary>
internal sealed class HourFeatures(SendTimeTrainingSet set, PriorStrengths strengths)
{
    public const int Count = 9;

    private readonly double[] _populationWeek = WeekHours.Normalize(set.Population);
    private readonly PosteriorCache _posteriors = new(set, strengths);

    public LearnedSendTime.HourRow Row(string userId, string? country, int weekday, int hour)
    {
        var own = set.Users.GetValueOrDefault(userId);
        var posterior = _posteriors.For(userId, country);
        var ownTotal = own?.Sum() ?? 0;
        return new LearnedSendTime.HourRow
        {
            Values =
            [
                (float)WeekdayShare(posterior, weekday, hour),
                (float)DayShare(posterior, hour),
                own is null || ownTotal == 0 ? 0 : (float)DayShare(own, hour),
                own is null || ownTotal == 0 ? 0 : (float)WeekdayShare(own, weekday, hour),
                (float)DayShare(_populationWeek, hour),
                (float)WeekdayShare(_populationWeek, weekday, hour),
                (float)Math.Log(1 + ownTotal),
                hour,
                weekday,
            ],
        };
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
