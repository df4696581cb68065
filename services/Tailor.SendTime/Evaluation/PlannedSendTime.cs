using Microsoft.Extensions.Options;
using Tailor.Profiles;
using Tailor.SendTime.Learning;
using Tailor.SendTime.Serving;

namespace Tailor.SendTime.Evaluation;

/// <summary>
/// A servable model scored as it serves: the user's slice computed by SendTime's own code (<see cref="SendTimeSlices"/>,
/// shaped by the model's <see cref="ServedPreference"/>) from the state and priors SendTime wrote it with at the user's
/// last update (<see cref="SendTimeReplay"/>), and the send placed in it by <see cref="SendTimePlanner"/>, as
/// ContentGeneration places it, for a campaign that may go out any time on the user's local day, with
/// ContentGeneration's default schedule (one-hour window, quiet hours 21:00–08:00). A user not seen yet is served as
/// SendTime serves an identified user with no evidence: the slice of their cohort's hours.
/// </summary>
public static class PlannedSendTime
{
    /// <summary>ContentGeneration's defaults (<c>Tailor:ContentGeneration:SendSchedule</c>).</summary>
    public static SendSchedule Schedule => SendSchedule.Default;

    /// <summary>
    /// The hour the planner places the send at, from the slice SendTime holds for the user when it is asked. Without
    /// <paramref name="draw"/>, its greedy choice (the mean preference, <see cref="SendSchedule.Explore"/> off); with
    /// it, the hour of that Thompson draw (exploration on, as served), seeded by the user, the day and the draw.
    /// </summary>
    public static SendTimePredictor Predictor(string name, SendTimeReplay replay, ServedPreference model, int? draw = null)
    {
        ArgumentNullException.ThrowIfNull(replay);
        ArgumentNullException.ThrowIfNull(model);
        var slices = new SendTimeSlices(model, Options.Create(replay.Options), TimeProvider.System);
        var schedule = Schedule with { Explore = draw is not null };
        var userSlices = new Dictionary<string, (int Updates, SendTimeSlice Slice)>(StringComparer.Ordinal);
        return new SendTimePredictor(name, (user, country, at) =>
        {
            // A slice is written when the user's state takes new evidence; until then the one written last serves.
            var updates = replay.UpdatesOf(user);
            if (!userSlices.TryGetValue(user, out var written) || written.Updates != updates)
            {
                userSlices[user] = written = (updates, slices.Compute(replay.StateOf(user, country), replay.SlicePriorsOf(user, country)));
            }

            var zone = replay.ZoneOf(user, country);
            var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime);
            var (start, end) = (LocalMidnight(day, zone), LocalMidnight(day.AddDays(1), zone));
            var sendAt = SendTimePlanner.Plan(written.Slice, start, end, schedule, Seed(user, day, draw ?? 0)) ?? start;
            return TimeZoneInfo.ConvertTime(sendAt, zone).Hour;
        });
    }

    // The day's first instant on the user's clock (a zone that skips midnight starts the day an hour later).
    private static DateTimeOffset LocalMidnight(DateOnly day, TimeZoneInfo zone)
    {
        var wallClock = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(wallClock))
        {
            wallClock = wallClock.AddHours(1);
        }

        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(wallClock, zone), TimeSpan.Zero);
    }

    // ContentGeneration seeds a draw by the email's id; here by user, day and draw (FNV-1a, the same in every process).
    private static int Seed(string user, DateOnly day, int draw)
    {
        var hash = 2166136261u;
        foreach (var character in $"{user}|{day.DayNumber}|{draw}")
        {
            hash = (hash ^ character) * 16777619u;
        }

        return unchecked((int)hash);
    }
}
