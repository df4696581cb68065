using System.Globalization;

namespace Tailor.Ingestion.Engagements;

/// <summary>
/// Held engagements are filed by email and by the UTC day they were held (<c>{emailId}.{yyyyMMdd}</c>), so that the
/// sweep deletes only documents no replica writes any more: a hold writes today's document, a release reads the days
/// anything held within the longer of <c>Hold</c> and <c>ConsentHold</c> can be filed under, and the sweep deletes days older than those, whose every
/// engagement has expired. A document deleted while another replica adds to it would lose what it added; the stores
/// have no conditional delete, so this is what keeps the sweep apart from the holds.
/// </summary>
/// <remarks>
/// A day either side is added for the clocks of replicas, which differ by seconds, not days: a replica whose clock is
/// behind may still write yesterday's document just after midnight, and one whose clock is ahead tomorrow's.
/// A release also reads no day before the email was written: nothing about an email is held before the sender has it,
/// and the sender has it after ContentGeneration wrote it, so most releases read three days, not the whole hold. The
/// day before the writing is read too, for ContentGeneration's clock against Ingestion's. Reading fewer days changes
/// nothing for the sweep, which deletes only days no release reads.
/// </remarks>
internal static class HeldEngagementDays
{
    private const string DayFormat = "yyyyMMdd";

    public static string Id(Guid emailId, DateOnly day) => $"{emailId:D}.{day.ToString(DayFormat, CultureInfo.InvariantCulture)}";

    public static DateOnly DayOf(DateTimeOffset at) => DateOnly.FromDateTime(at.UtcDateTime);

    /// <summary>The documents an email's engagements held within the last <paramref name="hold"/> can be in.</summary>
    /// <param name="writtenAt">When ContentGeneration wrote the email, if known: nothing was held before it.</param>
    public static IEnumerable<string> Releasable(Guid emailId, DateTimeOffset? writtenAt, DateTimeOffset now, TimeSpan hold)
    {
        var first = DayOf(now - hold);
        if (writtenAt is { } written)
        {
            // Never later than yesterday: a writer's clock far ahead must not hide what was held today.
            var dayBefore = DayOf(written).AddDays(-1);
            var yesterday = DayOf(now).AddDays(-1);
            first = Max(first, dayBefore < yesterday ? dayBefore : yesterday);
        }

        return Days(emailId, first, DayOf(now).AddDays(1));
    }

    /// <summary>
    /// The documents an email's engagements can still be in, whatever their hold: the days the sweep keeps
    /// (<see cref="IsSwept"/>), as of its last run, <paramref name="sweepInterval"/> ago at most. Erasure deletes them,
    /// knowing the email but not when it was written.
    /// </summary>
    public static IEnumerable<string> Unswept(Guid emailId, DateTimeOffset now, TimeSpan longestHold, TimeSpan sweepInterval) =>
        Days(emailId, DayOf(now - sweepInterval - longestHold).AddDays(-1), DayOf(now).AddDays(1));

    /// <summary>
    /// Whether the document is of a day no replica writes and no release reads any more (every engagement in it held
    /// more than <paramref name="hold"/> and a day ago); false for an id this class did not make.
    /// </summary>
    public static bool IsSwept(string id, DateTimeOffset now, TimeSpan hold) =>
        id.LastIndexOf('.') is var dot and >= 0
        && DateOnly.TryParseExact(id[(dot + 1)..], DayFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
        && day < DayOf(now - hold).AddDays(-1);

    private static IEnumerable<string> Days(Guid emailId, DateOnly first, DateOnly last)
    {
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            yield return Id(emailId, day);
        }
    }

    private static DateOnly Max(DateOnly one, DateOnly other) => one > other ? one : other;
}
