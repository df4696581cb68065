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
/// activity then a click in one hour, or the click first, both count as one click. A user's state remembers the hours
/// it counted most recently (<see cref="UserSendTimeState.RecentOccurrences"/>, as many as the event ids it keeps), so
/// the lines of an order, the views of a visit or a copy of an event, which arrive close together, find their hour
/// counted in any order and across batches and replicas; an event whose hour was pushed out of that memory by that
/// many newer ones counts as an occurrence of its own.
/// </remarks>
public static class EvidenceOccurrences
{
    /// <summary>The occurrence an instant belongs to: its UTC hour, counted from 0001-01-01.</summary>
    public static long HourOf(DateTimeOffset instant) => instant.UtcTicks / TimeSpan.TicksPerHour;

    /// <summary>The instant an occurrence's hour starts.</summary>
    public static DateTimeOffset Start(long hour) => new(hour * TimeSpan.TicksPerHour, TimeSpan.Zero);
}
