using Tailor.SendTime.Model;

namespace Tailor.SendTime.Evaluation;

/// <summary>
/// Trains the learned alternative (<see cref="LearnedHourModel"/>) on timed activity and turns it into a predictor:
/// the hour with the highest score on a weekday is the prediction. Features come from the training activity before the
/// last <see cref="LabelPeriod"/>, labels (the share of the user's activity in that period within ±1 hour) from it.
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
        var later = train.Where(activity => activity.At >= cut).ToList();
        if (history.Count == 0 || later.Count == 0)
        {
            return null;
        }

        var historySet = SendTimeTrainingSet.Build(history, accountZone);
        var posteriors = new PosteriorCache(historySet, SendTimeEvaluation.FitStrengths(historySet));
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

    /// <summary>Predicts with <paramref name="model"/>, reading each user's features from <paramref name="serving"/>.</summary>
    public static SendTimePredictor Predictor(LearnedHourModel model, SendTimeTrainingSet serving, PriorStrengths servingStrengths)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(serving);
        var posteriors = new PosteriorCache(serving, servingStrengths);
        var features = new Dictionary<(string, string?), HourFeatures>();
        var predictions = new Dictionary<(string, int), int>();
        return new SendTimePredictor(Name, true, (user, country, weekday) =>
        {
            if (!predictions.TryGetValue((user, weekday), out var best))
            {
                // Folded once per user (and country, which a user never seen is judged by), whatever the weekday.
                if (!features.TryGetValue((user, country), out var userFeatures))
                {
                    features[(user, country)] = userFeatures = Features(serving, posteriors, user, country);
                }

                var scores = model.ScoreDay(userFeatures, weekday);
                best = Array.IndexOf(scores, scores.Max());
                predictions[(user, weekday)] = best;
            }

            return best;
        });
    }

    // The training set counts each activity once, so a user's total is their number of events.
    private static HourFeatures Features(SendTimeTrainingSet set, PosteriorCache posteriors, string user, string? country)
    {
        var own = set.Users.GetValueOrDefault(user);
        return new HourFeatures(own, own?.Sum() ?? 0, posteriors.For(user, country), set.Population);
    }
}
