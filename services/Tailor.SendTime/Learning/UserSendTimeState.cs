using System.Text.Json.Serialization;
using Tailor.Contracts;
using Tailor.Profiles;

namespace Tailor.SendTime.Learning;

/// <summary>What SendTime stores per user (<c>sendtime.users</c>); its weeks of hours packed (<see cref="PackedDoublesJsonConverter"/>).</summary>
/// <param name="Counts">Weighted evidence per local hour of the week, in <paramref name="TimeZone"/>.</param>
/// <param name="BestHourOfWeek">The best local hour as of the last batch; announced in <c>SendTimeUpdated</c> when it changed.</param>
/// <param name="BestHourBeforeLastBatch">
/// The best hour before the batch that last added evidence (<see cref="HourOfWeekCounts.LastBatch"/>), so a retry of
/// that batch announces the change it made, even though the stored best hour already reflects it.
/// </param>
/// <param name="TimeZone">The IANA zone the counts are kept in (trait, else country, else the account default).</param>
/// <param name="Country">The user's country as the platform sent it: their cohort.</param>
/// <param name="Deliveries">When recent emails were delivered, by email id: how an open's delay is measured.</param>
/// <param name="Delivered">Emails delivered to the user per local hour of the week.</param>
/// <param name="Engaged">Of those, how many the user opened or clicked (once per email), per hour of delivery.</param>
/// <param name="EngagedEmails">The recent emails already counted in <paramref name="Engaged"/>.</param>
/// <param name="AppliedEvents">
/// The ids of the user's most recent events already counted here, oldest first (<see cref="SendTimeOptions.AppliedEventsKept"/>
/// of them): a copy of one of them, taken by another replica at the same time or redelivered after a crash before the
/// stream recorded it, adds nothing. Null in documents written before it was kept.
/// </param>
/// <param name="RecentOccurrences">
/// The hours (<see cref="EvidenceOccurrences"/>) the user's most recent events counted in, least recently counted
/// first, each with the weight it counts at (<see cref="SendTimeOptions.AppliedEventsKept"/> of them): another event in
/// one of those hours adds nothing, or only what it outweighs it by. Null in documents written before evidence was
/// counted by the hour.
/// </param>
/// <param name="Recent">
/// The same evidence weighted by recency (<see cref="RecentEvidence"/>): the shape of the user's hours the posterior
/// reads. Null in documents written before it was kept, and while <see cref="SendTimeOptions.RecencyHalfLife"/> is off.
/// </param>
/// <param name="ZoneNamed">
/// Whether <paramref name="TimeZone"/> was named (a <c>timezone</c> trait, a device's zone) rather than taken from the
/// country: a later identify naming only a country leaves a named zone as it is. False in documents written before.
/// </param>
public sealed record UserSendTimeState(
    HourOfWeekCounts Counts,
    int? BestHourOfWeek,
    int? BestHourBeforeLastBatch = null,
    string? TimeZone = null,
    string? Country = null,
    Dictionary<Guid, DateTimeOffset>? Deliveries = null,
    [property: JsonConverter(typeof(PackedDoublesJsonConverter))] double[]? Delivered = null,
    [property: JsonConverter(typeof(PackedDoublesJsonConverter))] double[]? Engaged = null,
    Guid[]? EngagedEmails = null,
    Guid[]? AppliedEvents = null,
    CountedHour[]? RecentOccurrences = null,
    RecentEvidence? Recent = null,
    bool ZoneNamed = false)
{
    /// <summary>A user SendTime has heard nothing about yet.</summary>
    public static UserSendTimeState Unknown => new(new HourOfWeekCounts(), null);

    /// <summary>How many deliveries are remembered; an open of an older email is weighed without its latency.</summary>
    public const int DeliveriesKept = 50;

    /// <summary>The zone the user's hours are read in: theirs, or the account's when they have none (or an unknown one).</summary>
    public TimeZoneInfo ZoneOr(TimeZoneInfo accountZone) => TimeZoneResolver.Find(TimeZone) ?? accountZone;
}

/// <summary>One occurrence a user's state remembers: its UTC hour (<see cref="EvidenceOccurrences.HourOf"/>) and the weight it counts at.</summary>
public readonly record struct CountedHour(long Hour, double Weight);
