using Tailor.SendTime.Evaluation;
using Tailor.SendTime.Serving;

namespace Tailor.SendTime.Tests;

/// <summary>The evaluation scores the test period as the service lives it: what a user did earlier in the period counts, what they do that day or later does not.</summary>
public sealed class PrequentialScoringTests
{
    private static readonly DateTimeOffset Monday = new(2011, 3, 7, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Run_scores_later_occurrences_against_a_slice_that_knows_the_users_first_orders_of_the_month()
    {
        // Ten customers keep to their own hours throughout, eight of them between 07:00 and 11:00 and two at 15:00 and
        // 16:00 (so the fitted strengths trust a customer's own hours, every weekday has afternoon orders, and the global
        // hour is 08:00); five ordered twice at 09:00 before the month and order at 15:00 on
        // five days of it. Their own hour is 09:00 until their 15:00 orders outnumber the old ones: the first three
        // days miss (two, then a tie, which goes to the earlier hour), the last two hit. Frozen at the month's start,
        // it would miss all five.
        var train = new List<TimedActivity>();
        var test = new List<TimedActivity>();
        for (var user = 0; user < 10; user++)
        {
            var hour = user < 8 ? 7 + (user % 5) : 7 + user;
            train.AddRange(Enumerable.Range(0, 10).Select(day => new TimedActivity($"steady{user}", Monday.AddDays(day).AddHours(hour))));
            test.AddRange(Enumerable.Range(14, 5).Select(day => new TimedActivity($"steady{user}", Monday.AddDays(day).AddHours(hour))));
        }

        for (var user = 0; user < 5; user++)
        {
            train.AddRange(Enumerable.Range(0, 2).Select(day => new TimedActivity($"mover{user}", Monday.AddDays(day).AddHours(9))));
            test.AddRange(Enumerable.Range(14, 5).Select(day => new TimedActivity($"mover{user}", Monday.AddDays(day).AddHours(15).AddMinutes(20))));
        }

        var scores = SendTimeEvaluation.Run(train, test, TimeZoneInfo.Utc).Scores!;
        double Share(string model, string user) => scores.Single(score => score.Model == model && score.UserId == user).Share;

        Assert.All(Enumerable.Range(0, 5), user =>
        {
            Assert.Equal(0.4, Share("user-hour", $"mover{user}"), precision: 6);
            Assert.Equal(0.0, Share("global-hour", $"mover{user}"), precision: 6);
            Assert.InRange(Share(SendTimeEvaluation.ServedName, $"mover{user}"), 0.2, 0.8);
        });
        Assert.Equal(1.0, Share("user-hour", "steady0"), precision: 6);
    }

    [Fact]
    public void Score_plans_each_day_from_the_state_before_it_never_one_holding_the_occurrence_its_day_or_later_ones()
    {
        // Orders of three lines; "a" orders twice on one day, "new" was never seen before the period.
        TimedActivity[] train = [.. Order("a", Monday.AddHours(10)), .. Order("b", Monday.AddHours(12)), .. Order("b", Monday.AddDays(1).AddHours(12))];
        TimedActivity[] test =
        [
            .. Order("a", Monday.AddDays(7).AddHours(9)), .. Order("b", Monday.AddDays(7).AddHours(11)),
            .. Order("a", Monday.AddDays(8).AddHours(9)), .. Order("a", Monday.AddDays(8).AddHours(16)),
            .. Order("new", Monday.AddDays(8).AddHours(13)), .. Order("a", Monday.AddDays(9).AddHours(14)),
            .. Order("new", Monday.AddDays(10).AddHours(8)), .. Order("b", Monday.AddDays(10).AddHours(17)),
        ];
        var set = SendTimeTrainingSet.Build(train, TimeZoneInfo.Utc);
        var asked = new List<(string User, DateTimeOffset At, long UserEvents, long Everyone)>();
        Func<SendTimeReplay, SendTimePredictor> spy = replay => new SendTimePredictor("spy", (user, country, at) =>
        {
            asked.Add((user, at, replay.StateOf(user, country).Counts.Events, replay.Population.Events));
            return 9;
        });

        var scores = PrequentialScoring.Score(set, test, [spy]);

        var occurrences = SendTimeTrainingSet.Occurrences(test);
        int Before(IEnumerable<TimedActivity> activity, DateTimeOffset at) => activity.Count(item => item.At.UtcDateTime.Date < at.UtcDateTime.Date);
        Assert.Equal(occurrences.Select(item => (item.UserId, item.At.UtcDateTime.Date)).Distinct().Count(), asked.Count);
        Assert.All(asked, ask =>
        {
            var own = set.States.GetValueOrDefault(ask.User)?.Counts.Events ?? 0;
            Assert.Equal(own + Before(occurrences.Where(item => item.UserId == ask.User), ask.At), ask.UserEvents);
            Assert.Equal(set.Priors.Population.Events + Before(occurrences, ask.At), ask.Everyone);
        });

        // Both orders of "a" on day 8 are judged by the one plan made before the day: 09:00 hits, 16:00 misses.
        Assert.Equal(2.0 / 4, scores.Single(score => score.UserId == "a").Share, precision: 6);
        Assert.Equal(0, scores.Single(score => score.UserId == "new").TrainingEvents);
    }

    private static IEnumerable<TimedActivity> Order(string user, DateTimeOffset at) =>
        Enumerable.Range(0, 3).Select(_ => new TimedActivity(user, at));
}
