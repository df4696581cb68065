using Tailor.SendTime.Evaluation;

namespace Tailor.SendTime.Tests;

public sealed class SendTimeEvaluationTests
{
    private static readonly DateTimeOffset Monday = new(2011, 3, 7, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Run_scores_a_users_own_hour_above_the_global_hour_for_users_who_keep_to_theirs()
    {
        // Most users shop at 09:00; "night" users always at 21:00, which the global hour never reaches.
        var train = new List<TimedActivity>();
        var test = new List<TimedActivity>();
        for (var user = 0; user < 20; user++)
        {
            var hour = user < 15 ? 9 : 21;
            for (var day = 0; day < 14; day++)
            {
                (day < 10 ? train : test).Add(new TimedActivity($"u{user}", Monday.AddDays(day).AddHours(hour)));
            }
        }

        var rows = SendTimeEvaluation.Run(train, test, priorStrength: 1).ToDictionary(row => (row.Model, row.Segment));

        Assert.Equal(0.75, rows[("global-hour", "all")].HitRate1h, precision: 6);
        Assert.Equal(1.0, rows[("user-hour", "all")].HitRate1h, precision: 6);
        Assert.Equal(1.0, rows[("hour-of-day", "all")].HitRate1h, precision: 6);
        Assert.Equal(20, rows[("served", "all")].Users);
        Assert.Equal(0, rows[("served", "under_3_events")].Users);
        // The served model picks one hour of the week (a Monday, the earliest of the tied ones), and the test days are
        // Thursday to Sunday: one weekday-and-hour cannot hit them, which is what the evaluation is there to show.
        Assert.Equal(0, rows[("served", "all")].HitRate1h);
    }

    [Fact]
    public void Run_counts_users_with_fewer_than_three_training_events_apart_and_gives_new_users_the_population()
    {
        TimedActivity[] train = [new("old", Monday.AddHours(9)), new("old", Monday.AddDays(1).AddHours(9)), new("old", Monday.AddDays(2).AddHours(9)), new("few", Monday.AddHours(20))];
        TimedActivity[] test = [new("few", Monday.AddDays(7).AddHours(20)), new("new", Monday.AddDays(7).AddHours(9))];

        var rows = SendTimeEvaluation.Run(train, test, priorStrength: 1).ToDictionary(row => (row.Model, row.Segment));

        Assert.Equal(2, rows[("user-hour", "under_3_events")].Users);
        Assert.Equal(1.0, rows[("user-hour", "under_3_events")].HitRate1h, precision: 6);
        Assert.Throws<ArgumentException>(() => SendTimeEvaluation.Run([], test, 1));
    }
}
