namespace Tailor.Profiles;

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

    /// <summary>
    /// The zone with this IANA (or Windows) id, always under its IANA id, or null for an empty or unknown id. The id is
    /// what the state and the slice keep: a Windows id ("GMT Standard Time") would read as UTC wherever it cannot be
    /// mapped (a reader without ICU, or not on .NET), and one clock under two ids would count as a change of zone.
    /// </summary>
    public static TimeZoneInfo? Find(string? id)
    {
        if (string.IsNullOrWhiteSpace(id) || !TimeZoneInfo.TryFindSystemTimeZoneById(id.Trim(), out var zone))
        {
            return null;
        }

        return !zone.HasIanaId && TimeZoneInfo.TryConvertWindowsIdToIanaId(zone.Id, out var ianaId)
            && TimeZoneInfo.TryFindSystemTimeZoneById(ianaId, out var iana) ? iana : zone;
    }
}
