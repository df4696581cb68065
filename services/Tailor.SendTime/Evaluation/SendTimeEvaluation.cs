using Tailor.Profiles;
using Tailor.SendTime.Learning;

namespace Tailor.SendTime.Evaluation;

/// <summary>
/// The offline evaluation behind <c>eval send-time</c>. Every model is trained on the training activity and predicts one
/// time per test user, and is scored by the share of that user's test activity within ±1 hour of it:
/// - <c>global-hour</c>: the one hour of the day when most activity happens, for everyone;
/// - <c>user-hour</c>: the user's own most frequent hour of the day (the global hour for users with no history);
/// - <c>hour-of-day</c>: the user's hours of the day shrunk towards the population's, as SendTime shrinks hours of the week;
/// - <c>served</c>: what SendTime serves today, the best hour of the week from its smoothed distribution, judged on
///   the same weekday and hour.
/// Hours are compared on the clock face (23:00 is one hour from 00:00).
/// </summary>
public static class SendTimeEvaluation
{
    public const string ServedName = "served";
    public const int FewEvents = 3;

    public static IReadOnlyList<SendTimeEvaluationRow> Run(IReadOnlyList<TimedActivity> train, IReadOnlyList<TimedActivity> test, double priorStrength)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(test);
        if (train.Count == 0 || test.Count == 0)
        {
            throw new ArgumentException("Send-time evaluation needs training and test activity.");
        }

        var byUser = train.GroupBy(activity => activity.UserId, StringComparer.Ordinal).ToDictionary(user => user.Key, user => user.ToList(), StringComparer.Ordinal);
        var dayPopulation = new double[24];
        var weekPopulation = new HourOfWeekCounts();
        foreach (var activity in train)
        {
            dayPopulation[activity.At.Hour]++;
            weekPopulation.Add(HourOfWeek(activity.At), 1);
        }

        var globalHour = Array.IndexOf(dayPopulation, dayPopulation.Max());
        var models = new (string Name, Func<string, int> Predict, bool Weekly)[]
        {
            ("global-hour", _ => globalHour, false),
            ("user-hour", user => byUser.TryGetValue(user, out var own) ? MostFrequentHour(own) : globalHour, false),
            ("hour-of-day", user => SmoothedHourOfDay(byUser.GetValueOrDefault(user), dayPopulation, priorStrength), false),
            (ServedName, user => SendTimePosterior.BestHour(SendTimePosterior.Weights(Counts(byUser.GetValueOrDefault(user)), weekPopulation, priorStrength)), true),
        };

        var testUsers = test.GroupBy(activity => activity.UserId, StringComparer.Ordinal).ToList();
        var rows = new List<SendTimeEvaluationRow>();
        foreach (var (name, predict, weekly) in models)
        {
            var hits = testUsers.Select(user =>
            {
                var predicted = predict(user.Key);
                var share = user.Count(activity => weekly
                    ? CircularDistance(HourOfWeek(activity.At), predicted, SendTimeSlice.HoursPerWeek) <= 1
                    : CircularDistance(activity.At.Hour, predicted, 24) <= 1) / (double)user.Count();
                return (Few: byUser.GetValueOrDefault(user.Key)?.Count is null or < FewEvents, Share: share);
            }).ToList();
            rows.Add(new SendTimeEvaluationRow(name, "all", hits.Average(hit => hit.Share), hits.Count));
            var few = hits.Where(hit => hit.Few).ToList();
            rows.Add(new SendTimeEvaluationRow(name, "under_3_events", few.Count == 0 ? 0 : few.Average(hit => hit.Share), few.Count));
        }

        return rows;
    }

    private static int HourOfWeek(DateTimeOffset at) => SendTimeSlice.HourOfWeek(at);

    private static int CircularDistance(int a, int b, int period)
    {
        var distance = Math.Abs(a - b) % period;
        return Math.Min(distance, period - distance);
    }

    private static int MostFrequentHour(List<TimedActivity> activity) =>
        activity.GroupBy(item => item.At.Hour).OrderByDescending(hour => hour.Count()).ThenBy(hour => hour.Key).First().Key;

    private static int SmoothedHourOfDay(List<TimedActivity>? own, double[] population, double priorStrength)
    {
        var total = population.Sum();
        var counts = new double[24];
        foreach (var activity in own ?? [])
        {
            counts[activity.At.Hour]++;
        }

        var weights = Enumerable.Range(0, 24).Select(hour => counts[hour] + (priorStrength * population[hour] / total)).ToList();
        return SendTimePosterior.BestHour(weights);
    }

    private static HourOfWeekCounts Counts(List<TimedActivity>? own)
    {
        var counts = new HourOfWeekCounts();
        foreach (var activity in own ?? [])
        {
            counts.Add(HourOfWeek(activity.At), 1);
        }

        return counts;
    }
}
