using System.Globalization;
using Tailor.Profiles;

namespace Tailor.Host.Demo.Gallery;

/// <summary>An email's send time told on the customer's clock, with the habit it came from and why that hour won.</summary>
/// <param name="When">The send time on the customer's clock, such as <c>Wed 8 Dec, 10:00</c>.</param>
/// <param name="Clock">The customer's time zone, or a note that Tailor used UTC.</param>
/// <param name="Habit">Their busiest hours of the week and what that rests on; null when SendTime knows nothing of them.</param>
/// <param name="Why">Why this hour, in a marketer's words.</param>
/// <param name="Choice">Which rule placed the send, for the page's tally.</param>
public sealed record SendTimeStory(string When, string Clock, string? Habit, string Why, SendTimeChoice Choice)
{
    private const int FavouriteHours = 3;
    private static readonly string[] Days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

    /// <summary>Tells how <see cref="SendTimePlanner"/> placed <paramref name="sendAt"/> for this slice, window and schedule.</summary>
    public static SendTimeStory Tell(SendTimeSlice? slice, DateTimeOffset sendAt, DateTimeOffset windowStart, DateTimeOffset windowEnd, SendSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var zone = slice?.Zone ?? TimeZoneInfo.Utc;
        var local = TimeZoneInfo.ConvertTime(sendAt, zone);
        var when = local.ToString("ddd d MMM, HH:mm", CultureInfo.InvariantCulture);
        var quiet = QuietHours(schedule);
        if (slice?.HourOfWeekWeights is not { Length: SendTimeSlice.HoursPerWeek } weights)
        {
            return new SendTimeStory(when, "UTC (no time zone known)", null,
                $"Tailor knows no times of day for this customer yet, so it chose the first hour the campaign window allows{quiet}.",
                SendTimeChoice.NoHabit);
        }

        var clock = slice.Zone == TimeZoneInfo.Utc ? "UTC" : slice.Zone.Id;
        var favourites = weights.Select((weight, hour) => (weight, hour))
            .OrderByDescending(entry => entry.weight).ThenBy(entry => entry.hour)
            .Take(FavouriteHours)
            .Select(entry => HourOfWeek(entry.hour));
        var habit = $"Most likely to shop at {JoinWords(favourites)} their time: {Basis(slice.EvidenceCount)}.";
        var (why, choice) = Reason(slice, sendAt, local, windowStart, windowEnd, schedule, quiet);
        return new SendTimeStory(when, clock, habit, why, choice);
    }

    private static (string Why, SendTimeChoice Choice) Reason(
        SendTimeSlice slice, DateTimeOffset sendAt, DateTimeOffset local, DateTimeOffset windowStart, DateTimeOffset windowEnd, SendSchedule schedule, string quiet)
    {
        // The plan without exploration is the hour their habit alone picks; a different send is a Thompson-sampling trial.
        var habitual = SendTimePlanner.Plan(slice, windowStart, windowEnd, schedule with { Explore = false }, seed: 0);
        if (habitual != sendAt)
        {
            return ($"A trial hour{quiet}: Tailor is still learning when this customer shops, so for some sends it tries another "
                + $"likely hour instead of the best one the rules allow ({HabitualWhen(habitual, slice.Zone)}). How they respond teaches it.",
                SendTimeChoice.Trial);
        }

        var best = HourOfWeek(slice.BestHourOfWeek);
        if (SendTimeSlice.HourOfWeek(local.DateTime) == slice.BestHourOfWeek)
        {
            return ($"Their best hour of the week ({best}): inside the campaign window{quiet}.", SendTimeChoice.BestHour);
        }

        return schedule.IsQuiet(slice.BestHourOfWeek % 24)
            ? ($"Their best hour ({best}) falls in quiet hours ({QuietRange(schedule)} their time), so Tailor chose their best hour outside them.",
                SendTimeChoice.BestOutsideQuietHours)
            : ($"Their best hour ({best}) is outside the campaign window, so Tailor chose their best hour inside it{quiet}.",
                SendTimeChoice.BestInsideWindow);
    }

    // SendTime's evidence count is the number of clock hours the customer was active in (an order's lines are one), and
    // its hours always lean on their cohort's, most of all for a customer seen once or twice.
    private static string Basis(int activeHours) => activeHours switch
    {
        <= 0 => "what customers like them do, as Tailor has seen no activity of theirs yet",
        1 => "learned from the one hour Tailor has seen them active in, and from customers like them",
        _ => $"learned from the {activeHours:N0} hours Tailor has seen them active in, and from customers like them",
    };

    private static string HabitualWhen(DateTimeOffset? habitual, TimeZoneInfo zone) =>
        habitual is { } at ? TimeZoneInfo.ConvertTime(at, zone).ToString("ddd HH:mm", CultureInfo.InvariantCulture) : "none in the window";

    private static string QuietHours(SendSchedule schedule) =>
        QuietRange(schedule) is { } range ? $", outside quiet hours ({range} their time)" : string.Empty;

    private static string? QuietRange(SendSchedule schedule) =>
        schedule is { QuietHoursStart: { } start, QuietHoursEnd: { } end } && start != end ? $"{start:00}:00–{end:00}:00" : null;

    /// <summary>An hour of the week (0 = Monday 00:00) as <c>Thu 12:00</c>.</summary>
    public static string HourOfWeek(int hourOfWeek) =>
        $"{Days[hourOfWeek / 24 % Days.Length]} {hourOfWeek % 24:00}:00";

    private static string JoinWords(IEnumerable<string> words)
    {
        var list = words.ToList();
        return list.Count <= 1 ? string.Concat(list) : $"{string.Join(", ", list[..^1])} and {list[^1]}";
    }
}

/// <summary>Which rule placed a send, from the most to the least informed.</summary>
public enum SendTimeChoice
{
    /// <summary>The customer's best hour of the week.</summary>
    BestHour,

    /// <summary>Their best hour outside quiet hours: the best one fell in them.</summary>
    BestOutsideQuietHours,

    /// <summary>Their best hour inside the campaign window: the best one fell outside it.</summary>
    BestInsideWindow,

    /// <summary>A Thompson-sampling trial of another likely hour, to learn.</summary>
    Trial,

    /// <summary>SendTime knows no times for them: the first hour allowed.</summary>
    NoHabit,
}
