using System.Globalization;

namespace Tailor.Messaging.Rules;

/// <summary>
/// Writes a duration for an error message as a person reads it ("1 day", "59 minutes 59 seconds"): TimeSpan's own
/// formats print "1:0:00:00", which reads as a clock time.
/// </summary>
public static class Durations
{
    /// <summary>
    /// The largest unit that is not zero, and the next one down when it is not zero ("1 day 2 hours", but "1 day" for a day
    /// and five minutes); the sign is dropped (the message says which way).
    /// </summary>
    public static string Readable(TimeSpan duration)
    {
        var length = duration.Duration();
        (int Count, string Unit)[] units = [(length.Days, "day"), (length.Hours, "hour"), (length.Minutes, "minute"), (length.Seconds, "second")];
        var shown = units.SkipWhile(unit => unit.Count == 0).Take(2).Where(unit => unit.Count != 0).ToList();
        return shown.Count == 0
            ? "less than a second"
            : string.Join(' ', shown.Select(unit => string.Create(CultureInfo.InvariantCulture, $"{unit.Count} {unit.Unit}{(unit.Count == 1 ? "" : "s")}")));
    }
}
