using System.Text.Json.Serialization;

namespace Tailor.Profiles;

/// <summary>
/// Written by SendTime: the user's smoothed preference over the 168 hours of the week on their own clock
/// (index 0 = Monday 00:00 in <see cref="TimeZone"/>), so any reader can place a send inside its own window
/// (see <see cref="SendTimePlanner"/>).
/// </summary>
/// <param name="TimeZone">The IANA zone of the user's clock; null (slices written before zones) means UTC.</param>
/// <param name="Concentration">
/// How many events' worth of evidence and prior the weights rest on (a Dirichlet's total concentration): small for a
/// user SendTime knows little about, which is where Thompson sampling explores. 0 means unknown: no exploration.
/// </param>
public sealed record SendTimeSlice(
    double[] HourOfWeekWeights,
    int BestHourOfWeek,
    int EvidenceCount,
    DateTimeOffset UpdatedAt,
    string? TimeZone = null,
    double Concentration = 0) : IProfileSlice
{
    public const int HoursPerWeek = 168;

    public static string SliceName => "sendtime";

    /// <summary>
    /// The zone the weights are indexed in; UTC when none was written or this machine does not know it. Resolved from
    /// <see cref="TimeZone"/> on each read, so never written: serialized, it would add the zone's names and offset
    /// to every user's slice in the cache and to their export.
    /// </summary>
    [JsonIgnore]
    public TimeZoneInfo Zone =>
        TimeZone is { Length: > 0 } id && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;

    /// <summary>The UTC hour of the week of an instant (0 = Monday 00:00 UTC).</summary>
    public static int HourOfWeek(DateTimeOffset instant) => HourOfWeek(instant.UtcDateTime);

    /// <summary>The hour of the week of a wall-clock time (0 = Monday 00:00).</summary>
    public static int HourOfWeek(DateTime wallClock) => (((int)wallClock.DayOfWeek + 6) % 7 * 24) + wallClock.Hour;

    /// <summary>The hour of the week of an instant on this user's clock.</summary>
    public int LocalHourOfWeek(DateTimeOffset instant) => HourOfWeek(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

    /// <summary>
    /// The start of the best-weighted whole hour inside [start, end) on the user's clock, with no quiet hours and no
    /// exploration; ties go to the earliest. Returns <paramref name="start"/> when the window is shorter than an hour.
    /// </summary>
    public DateTimeOffset NextSendTime(DateTimeOffset start, DateTimeOffset end) =>
        SendTimePlanner.Plan(this, start, end, SendSchedule.Anytime, seed: 0) ?? start;
}
