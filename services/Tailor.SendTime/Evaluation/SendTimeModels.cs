using Tailor.SendTime.Model;

namespace Tailor.SendTime.Evaluation;

/// <summary>The send-time models the evaluation compares, each trained on one <see cref="SendTimeTrainingSet"/>.</summary>
public static class SendTimeModels
{
    public const string GlobalHour = "global-hour";
    public const string UserHour = "user-hour";
    public const string HierarchyDay = "hierarchy-day";
    public const string HierarchyWeek = "hierarchy-week";

    /// <summary>The single hour of the day whose ±1 hour holds the most activity, for everyone.</summary>
    public static SendTimePredictor Global(SendTimeTrainingSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        var hour = BestWindow.HourOfDay(WeekHours.FoldToDay(set.Population));
        return new SendTimePredictor(GlobalHour, false, (_, _, _) => hour);
    }

    /// <summary>The user's own most frequent hour of the day; the global hour for users never seen.</summary>
    public static SendTimePredictor User(SendTimeTrainingSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        var global = Global(set);
        return new SendTimePredictor(UserHour, false, (user, country, weekday) =>
        {
            if (!set.Users.TryGetValue(user, out var counts))
            {
                return global.HourFor(user, country, weekday);
            }

            var day = WeekHours.FoldToDay(counts);
            return Array.IndexOf(day, day.Max());
        });
    }

    /// <summary>SendTime's hierarchy folded to the hours of the day: one hour for every weekday.</summary>
    public static SendTimePredictor Day(SendTimeTrainingSet set, PriorStrengths strengths) =>
        Hierarchy(HierarchyDay, false, set, strengths, (week, _) => BestWindow.HourOfDay(WeekHours.FoldToDay(week)));

    /// <summary>SendTime's hierarchy as served: the best hour of the weekday the email goes out on.</summary>
    public static SendTimePredictor Week(SendTimeTrainingSet set, PriorStrengths strengths) =>
        Hierarchy(HierarchyWeek, true, set, strengths, (week, weekday) => BestWindow.HourOnWeekday(week, weekday));

    private static SendTimePredictor Hierarchy(
        string name, bool usesWeekdays, SendTimeTrainingSet set, PriorStrengths strengths, Func<double[], int, int> hourOn)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(strengths);
        var posteriors = new PosteriorCache(set, strengths);
        return new SendTimePredictor(name, usesWeekdays, (user, country, weekday) => hourOn(posteriors.For(user, country), weekday));
    }
}
