namespace Tailor.Profiles;

/// <summary>The rules a send time is placed by, on the user's clock.</summary>
/// <param name="WindowHours">How long the send window is: the whole window must fit the campaign's and avoid quiet hours.</param>
/// <param name="QuietHoursStart">Local hour quiet hours begin (inclusive); null for none.</param>
/// <param name="QuietHoursEnd">Local hour quiet hours end (exclusive); may be before the start, wrapping past midnight.</param>
/// <param name="Explore">Whether to draw the preference by Thompson sampling instead of taking its mean.</param>
public sealed record SendSchedule(int WindowHours, int? QuietHoursStart, int? QuietHoursEnd, bool Explore)
{
    /// <summary>
    /// ContentGeneration's defaults: one-hour windows, quiet from 21:00 to 08:00 local, exploring. The send-time
    /// evaluation places sends with them, so what it measures is what a default deployment sends.
    /// </summary>
    public static SendSchedule Default { get; } = new(1, 21, 8, true);

    /// <summary>One-hour windows, any hour, no exploration.</summary>
    public static SendSchedule Anytime { get; } = new(1, null, null, false);

    /// <summary>Whether a local hour of the day (0–23) is inside quiet hours.</summary>
    public bool IsQuiet(int hour)
    {
        if (QuietHoursStart is not { } start || QuietHoursEnd is not { } end || start == end)
        {
            return false;
        }

        return start < end ? hour >= start && hour < end : hour >= start || hour < end;
    }
}
