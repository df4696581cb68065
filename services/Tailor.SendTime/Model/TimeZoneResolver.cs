namespace Tailor.SendTime.Model;

/// <summary>
/// Which clock a user lives by: their <c>timezone</c> trait when it names a zone this machine knows, else their
/// country's zone, else the account default.
/// </summary>
public static class TimeZoneResolver
{
    public static TimeZoneInfo Resolve(string? timeZoneTrait, string? country, TimeZoneInfo accountDefault)
    {
        ArgumentNullException.ThrowIfNull(accountDefault);
        return Find(timeZoneTrait) ?? Find(CountryTimeZones.ZoneOf(country)) ?? accountDefault;
    }

    /// <summary>The zone with this IANA (or Windows) id, or null for an empty or unknown id.</summary>
    public static TimeZoneInfo? Find(string? id) =>
        !string.IsNullOrWhiteSpace(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id.Trim(), out var zone) ? zone : null;
}
