namespace Tailor.Profiles;

/// <summary>
/// Written by SendTime: the user's smoothed preference over the 168 hours of the week
/// (index 0 = Monday 00:00 UTC), so any reader can place a send inside its own window.
/// </summary>
public sealed record SendTimeSlice(
    double[] HourOfWeekWeights,
    int BestHourOfWeek,
    int EvidenceCount,
    DateTimeOffset UpdatedAt) : IProfileSlice
{
    public const int HoursPerWeek = 168;

    public static string SliceName => "sendtime";

    public static int HourOfWeek(DateTimeOffset instant)
    {
        var utc = instant.UtcDateTime;
        var dayFromMonday = ((int)utc.DayOfWeek + 6) % 7;
        return (dayFromMonday * 24) + utc.Hour;
    }

    /// <summary>
    /// The start of the best-weighted whole hour inside [start, end); ties go to the earliest.
    /// Returns <paramref name="start"/> when the window is shorter than an hour.
    /// </summary>
    public DateTimeOffset NextSendTime(DateTimeOffset start, DateTimeOffset end)
    {
        var firstHour = new DateTimeOffset(start.UtcDateTime.Date.AddHours(start.UtcDateTime.Hour), TimeSpan.Zero);
        if (firstHour < start)
        {
            firstHour = firstHour.AddHours(1);
        }

        var best = start;
        var bestWeight = double.NegativeInfinity;
        for (var slot = firstHour; slot.AddHours(1) <= end && slot < firstHour.AddDays(7); slot = slot.AddHours(1))
        {
            var weight = HourOfWeekWeights[HourOfWeek(slot)];
            if (weight > bestWeight)
            {
                bestWeight = weight;
                best = slot;
            }
        }

        return best;
    }
}
