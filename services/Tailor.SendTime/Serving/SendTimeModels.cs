using Tailor.SendTime.Model;

namespace Tailor.SendTime.Serving;

/// <summary>
/// The send-time models the evaluation compares, each trained on one <see cref="SendTimeTrainingSet"/>: two baselines,
/// and the models SendTime can serve, each scored as served (<see cref="Evaluation.PlannedSendTime"/>).
/// </summary>
public static class SendTimeModels
{
    public const string GlobalHour = "global-hour";
    public const string UserHour = "user-hour";
    public const string HierarchyDay = "hierarchy-day";
    public const string HierarchyWeek = "hierarchy-week";

    /// <summary>The single local hour of the day whose ±1 hour holds the most occurrences, for everyone.</summary>
    public static SendTimePredictor Global(SendTimeTrainingSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        var hour = BestWindow.HourOfDay(WeekHours.FoldToDay(set.Population));
        return new SendTimePredictor(GlobalHour, (_, _, _) => hour);
    }

    /// <summary>The user's own most frequent hour of the day; the global hour for users never seen.</summary>
    public static SendTimePredictor User(SendTimeTrainingSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        var global = Global(set);
        return new SendTimePredictor(UserHour, (user, country, at) =>
        {
            if (!set.Users.TryGetValue(user, out var counts))
            {
                return global.HourFor(user, country, at);
            }

            var day = WeekHours.FoldToDay(counts);
            return Array.IndexOf(day, day.Max());
        });
    }
}
