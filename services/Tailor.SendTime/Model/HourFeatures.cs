namespace Tailor.SendTime.Model;

/// <summary>
/// The features the learned model scores an hour by, the same in training, in the evaluation and in serving, read
/// from a user's own counts, their hierarchy posterior and the population; each window is the hour ±1. The folds and
/// totals are computed once per user, so scoring all 168 hours stays cheap in a refresh of every user.
/// </summary>
public sealed class HourFeatures
{
    public const int Count = 9;

    private readonly Shares _posterior;
    private readonly Shares? _own;
    private readonly Shares _population;
    private readonly float _logEvidence;

    /// <param name="own">The user's own counts over the week; null for a user never seen.</param>
    /// <param name="events">How many events the user has: raw events, not their weights (a click is one event).</param>
    /// <param name="posterior">The user's hierarchy posterior over the week.</param>
    /// <param name="population">The population's counts or shares over the week.</param>
    public HourFeatures(IReadOnlyList<double>? own, double events, IReadOnlyList<double> posterior, IReadOnlyList<double> population)
    {
        ArgumentNullException.ThrowIfNull(posterior);
        ArgumentNullException.ThrowIfNull(population);
        _posterior = new Shares(posterior);
        _own = own is null || own.Sum() <= 0 ? null : new Shares(own);
        _population = new Shares(population);
        _logEvidence = (float)Math.Log(1 + Math.Max(0, events));
    }

    public float[] Row(int weekday, int hour) =>
    [
        (float)_posterior.OnWeekday(weekday, hour),
        (float)_posterior.OnAnyDay(hour),
        _own is null ? 0 : (float)_own.OnAnyDay(hour),
        _own is null ? 0 : (float)_own.OnWeekday(weekday, hour),
        (float)_population.OnAnyDay(hour),
        (float)_population.OnWeekday(weekday, hour),
        _logEvidence,
        hour,
        weekday,
    ];

    /// <summary>One week's weights, folded once: the share of a window on one weekday, and on all days together.</summary>
    private sealed class Shares
    {
        private readonly IReadOnlyList<double> _week;
        private readonly double[] _day;
        private readonly double _total;
        private readonly double[] _weekdayTotals = new double[WeekHours.Days];

        public Shares(IReadOnlyList<double> week)
        {
            _week = week;
            _day = WeekHours.FoldToDay(week);
            _total = _day.Sum();
            for (var hour = 0; hour < WeekHours.Count; hour++)
            {
                _weekdayTotals[hour / WeekHours.PerDay] += week[hour];
            }
        }

        // The share of the whole week's weight that falls in the window around this hour of the day, on any weekday.
        public double OnAnyDay(int hour) => _total <= 0 ? 0 : Window(index => _day[index], hour) / _total;

        // The share of one weekday's weight in the window around the hour on that weekday.
        public double OnWeekday(int weekday, int hour)
        {
            var total = _weekdayTotals[weekday];
            return total <= 0 ? 0 : Window(index => _week[(weekday * WeekHours.PerDay) + index], hour) / total;
        }

        private static double Window(Func<int, double> at, int hour) =>
            at((hour + WeekHours.PerDay - 1) % WeekHours.PerDay) + at(hour) + at((hour + 1) % WeekHours.PerDay);
    }
}
