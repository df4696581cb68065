using Tailor.SendTime.Learning;
using Tailor.SendTime.Model;
using Tailor.SendTime.Serving;

namespace Tailor.SendTime.Evaluation;

/// <summary>
/// Scores send-time models on a test period as the service would have served it, prequentially: the period is replayed
/// a day at a time (<see cref="SendTimeReplay"/>). Each day's sends are placed from SendTime's state at the day's start
/// (midnight on the account's clock), and each occurrence (one per user and hour, as SendTime counts) is judged
/// against the hour a model places the user's send at on that occurrence's local day (placed once, at the user's first
/// occurrence of that local day); then the day's activity is folded in, hour by hour. So an occurrence on the 20th is
/// judged by a plan that knows the user's orders of the 1st to the 19th, and everyone's in the population and cohort,
/// and never by one that knows itself, a later occurrence or anything else of that day: an email is placed before its
/// day, and an hour's orders folded in before the next hour's are judged would tilt every plan to the hours already
/// past.
/// </summary>
public static class PrequentialScoring
{
    /// <summary>
    /// Each test user's share of occurrences within ±1 hour (on the clock face of their zone) of the hour each model sends
    /// at on that occurrence's local day. Models are made on the replay they read; models of the same name are draws of
    /// one model, and a user's shares under them are averaged.
    /// </summary>
    public static IReadOnlyList<UserHitRate> Score(
        SendTimeTrainingSet start, IEnumerable<TimedActivity> activity, IReadOnlyList<Func<SendTimeReplay, SendTimePredictor>> models)
    {
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(models);
        var replay = new SendTimeReplay(start);
        var predictors = models.Select(model => model(replay)).ToList();
        var planned = new Dictionary<(string User, DateOnly Day), int[]>();
        var tallies = new Dictionary<string, (int Occurrences, int[] Hits)>(StringComparer.Ordinal);
        var days = activity.GroupBy(item => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(item.At, start.AccountZone).DateTime));
        foreach (var day in days.OrderBy(day => day.Key))
        {
            var occurrences = day
                .GroupBy(item => (User: item.UserId, Hour: EvidenceOccurrences.HourOf(item.At)))
                .OrderBy(occurrence => occurrence.Key.Hour)
                .ThenBy(occurrence => occurrence.Key.User, StringComparer.Ordinal)
                .ToList();
            foreach (var occurrence in occurrences)
            {
                var (user, country, at) = (occurrence.Key.User, occurrence.First().Country, EvidenceOccurrences.Start(occurrence.Key.Hour));
                var local = TimeZoneInfo.ConvertTime(at, replay.ZoneOf(user, country)).DateTime;
                if (!planned.TryGetValue((user, DateOnly.FromDateTime(local)), out var sendHours))
                {
                    planned[(user, DateOnly.FromDateTime(local))] = sendHours = [.. predictors.Select(predictor => predictor.HourFor(user, country, at))];
                }

                var (seen, hits) = tallies.TryGetValue(user, out var tally) ? tally : (0, new int[predictors.Count]);
                for (var model = 0; model < predictors.Count; model++)
                {
                    hits[model] += WeekHours.CircularDistance(local.Hour, sendHours[model], WeekHours.PerDay) <= 1 ? 1 : 0;
                }

                tallies[user] = (seen + 1, hits);
            }

            foreach (var occurrence in occurrences)
            {
                replay.Learn(occurrence.Key.User, [.. occurrence]);
            }
        }

        return [.. predictors
            .Select((predictor, model) => (predictor.Name, model))
            .GroupBy(predictor => predictor.Name, StringComparer.Ordinal)
            .SelectMany(draws => tallies.Select(user => new UserHitRate(
                draws.Key,
                user.Key,
                start.States.GetValueOrDefault(user.Key)?.Counts.Events ?? 0,
                draws.Average(draw => user.Value.Hits[draw.model] / (double)user.Value.Occurrences))))];
    }
}
