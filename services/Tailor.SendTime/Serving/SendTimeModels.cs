using Tailor.SendTime.Model;

namespace Tailor.SendTime.Serving;

/// <summary>
/// The send-time models the evaluation compares, each reading SendTime's state as the service holds it at the moment
/// it is asked (<see cref="SendTimeReplay"/>): two baselines, and the models SendTime can serve, each scored as served
/// (<see cref="Evaluation.PlannedSendTime"/>).
/// </summary>
public static class SendTimeModels
{
    public const string GlobalHour = "global-hour";
    public const string UserHour = "user-hour";
    public const string HierarchyDay = "hierarchy-day";
    public const string HierarchyWeek = "hierarchy-week";

    /// <summary>The single local hour of the day whose ±1 hour holds the most occurrences so far, for everyone.</summary>
    public static SendTimePredictor Global(SendTimeReplay replay)
    {
        ArgumentNullException.ThrowIfNull(replay);
        return new SendTimePredictor(GlobalHour, (_, _, _) => BestWindow.HourOfDay(WeekHours.FoldToDay(replay.Population.Weights)));
    }

    /// <summary>The user's own most frequent hour of the day so far; the global hour for users not seen yet.</summary>
    public static SendTimePredictor User(SendTimeReplay replay)
    {
        ArgumentNullException.ThrowIfNull(replay);
        var global = Global(replay);
        return new SendTimePredictor(UserHour, (user, country, at) =>
        {
            var counts = replay.StateOf(user, country).Counts;
            if (counts.Events == 0)
            {
                return global.HourFor(user, country, at);
            }

            var day = WeekHours.FoldToDay(counts.Weights);
            return Array.IndexOf(day, day.Max());
        });
    }
}
