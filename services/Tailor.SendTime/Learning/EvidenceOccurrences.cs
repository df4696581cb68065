namespace Tailor.SendTime.Learning;

/// <summary>
/// How evidence counts: one user's evidence within one clock hour is one occurrence, worth the largest weight among
/// its events. An order of twenty lines arrives as twenty activities at one instant, and a visit as a run of views
/// minutes apart; each says once that the user was around in that hour, which is all an hour-of-week model can learn
/// from it. Counted event by event, a customer's few orders would look like many independent observations, and the
/// prior strengths fitted on those counts would trust them far more than they deserve.
/// </summary>
/// <remarks>
/// Hours are UTC hours (every zone's hours but the half-hour ones start on them), so an occurrence does not depend on
/// the zone the user's counts are kept in when the event arrives; it counts at the local hour its UTC hour starts in.
/// Taking the largest weight (not the first) makes an occurrence the same whatever order its events arrive in: an
/// activity then a click in one hour, or the click first, both count as one click.
/// </remarks>
public static class EvidenceOccurrences
{
    /// <summary>
    /// How far (in hours) before the user's newest occurrence their state remembers occurrences
    /// (<see cref="UserSendTimeState.RecentOccurrences"/>): a week, at most 169 entries. An event arriving later than
    /// that after newer ones counts as an occurrence of its own, as if its hour had none.
    /// </summary>
    public const long RememberedHours = 168;

    /// <summary>The occurrence an instant belongs to: its UTC hour, counted from 0001-01-01.</summary>
    public static long HourOf(DateTimeOffset instant) => instant.UtcTicks / TimeSpan.TicksPerHour;

    /// <summary>The instant an occurrence's hour starts.</summary>
    public static DateTimeOffset Start(long hour) => new(hour * TimeSpan.TicksPerHour, TimeSpan.Zero);
}
