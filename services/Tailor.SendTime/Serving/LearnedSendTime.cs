using Tailor.SendTime.Model;

namespace Tailor.SendTime.Serving;

/// <summary>
/// Trains the learned alternative (<see cref="LearnedHourModel"/>) on timed activity. Features come from the training
/// activity before the last <see cref="LabelPeriod"/>, learned as SendTime learns it (<see cref="SendTimeTrainingSet"/>);
/// labels from that period's occurrences: the share of the user's occurrences on a weekday within ±1 hour of each hour.
/// It serves, and is scored, through <see cref="ServedPreference"/> like the other servable models.
/// </summary>
public static class LearnedSendTime
{
    public const string Name = "gbt";
    public static readonly TimeSpan LabelPeriod = TimeSpan.FromDays(60);

    /// <summary>Trains on <paramref name="train"/>; null when there is too little history to split into features and labels.</summary>
    public static LearnedHourModel? Fit(IReadOnlyList<TimedActivity> train, TimeZoneInfo accountZone, int seed = 1)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(accountZone);
        var cut = train.Max(activity => activity.At) - LabelPeriod;
        var history = train.Where(activity => activity.At < cut).ToList();
        var later = SendTimeTrainingSet.Occurrences(train.Where(activity => activity.At >= cut));
        if (history.Count == 0 || later.Count == 0)
        {
            return null;
        }

        var historySet = SendTimeTrainingSet.Build(history, accountZone);
        var posteriors = new PosteriorCache(historySet);
        var rows = new List<LearnedHourModel.HourRow>();
        foreach (var user in later.GroupBy(activity => activity.UserId, StringComparer.Ordinal))
        {
            var features = Features(historySet, posteriors, user.Key, user.First().Country);
            var hours = user.Select(activity => historySet.LocalHourOfWeek(user.Key, activity.At, activity.Country)).ToList();
            foreach (var weekday in hours.GroupBy(hour => hour / WeekHours.PerDay))
            {
                for (var hour = 0; hour < WeekHours.PerDay; hour++)
                {
                    rows.Add(new LearnedHourModel.HourRow
                    {
                        Values = features.Row(weekday.Key, hour),
                        Label = weekday.Count(at => WeekHours.CircularDistance(at % WeekHours.PerDay, hour, WeekHours.PerDay) <= 1) / (float)weekday.Count(),
                    });
                }
            }
        }

        return LearnedHourModel.Fit(rows, seed);
    }

    // The same features SendTime computes when it serves the model (ServedPreference.Shape), from the same state.
    private static HourFeatures Features(SendTimeTrainingSet set, PosteriorCache posteriors, string user, string? country)
    {
        var state = set.StateOf(user, country);
        return new HourFeatures(state.Counts.Weights, state.Counts.Events, posteriors.For(user, country), set.Population);
    }
}
