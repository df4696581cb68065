namespace Tailor.Profiles;

/// <summary>
/// The time zone most of a country's people live in, by English name or ISO 3166-1 alpha-2 code: the fallback for a
/// user whose platform sent a country but no <c>timezone</c> trait. Countries spanning several zones get the most
/// populous one (the United States: New York), which is why an explicit trait always wins.
/// </summary>
public static class CountryTimeZones
{
    private static readonly Dictionary<string, string> ZoneByCountry = Build(
    [
        ("GB", "Europe/London", ["United Kingdom", "UK", "Great Britain", "England", "Scotland", "Wales", "Northern Ireland"]),
        ("IE", "Europe/Dublin", ["Ireland", "EIRE"]),
        ("JE", "Europe/Jersey", ["Channel Islands", "Jersey", "Guernsey"]),
        ("DE", "Europe/Berlin", ["Germany"]),
        ("FR", "Europe/Paris", ["France"]),
        ("ES", "Europe/Madrid", ["Spain"]),
        ("PT", "Europe/Lisbon", ["Portugal"]),
        ("NL", "Europe/Amsterdam", ["Netherlands", "The Netherlands", "Holland"]),
        ("BE", "Europe/Brussels", ["Belgium"]),
        ("LU", "Europe/Luxembourg", ["Luxembourg"]),
        ("CH", "Europe/Zurich", ["Switzerland"]),
        ("AT", "Europe/Vienna", ["Austria"]),
        ("IT", "Europe/Rome", ["Italy"]),
        ("MT", "Europe/Malta", ["Malta"]),
        ("GR", "Europe/Athens", ["Greece"]),
        ("CY", "Asia/Nicosia", ["Cyprus"]),
        ("DK", "Europe/Copenhagen", ["Denmark"]),
        ("NO", "Europe/Oslo", ["Norway"]),
        ("SE", "Europe/Stockholm", ["Sweden"]),
        ("FI", "Europe/Helsinki", ["Finland"]),
        ("IS", "Atlantic/Reykjavik", ["Iceland"]),
        ("EE", "Europe/Tallinn", ["Estonia"]),
        ("LV", "Europe/Riga", ["Latvia"]),
        ("LT", "Europe/Vilnius", ["Lithuania"]),
        ("PL", "Europe/Warsaw", ["Poland"]),
        ("CZ", "Europe/Prague", ["Czech Republic", "Czechia"]),
        ("SK", "Europe/Bratislava", ["Slovakia"]),
        ("HU", "Europe/Budapest", ["Hungary"]),
        ("RO", "Europe/Bucharest", ["Romania"]),
        ("BG", "Europe/Sofia", ["Bulgaria"]),
        ("HR", "Europe/Zagreb", ["Croatia"]),
        ("SI", "Europe/Ljubljana", ["Slovenia"]),
        ("RS", "Europe/Belgrade", ["Serbia"]),
        ("UA", "Europe/Kyiv", ["Ukraine"]),
        ("TR", "Europe/Istanbul", ["Turkey", "Türkiye"]),
        ("RU", "Europe/Moscow", ["Russia", "Russian Federation"]),
        ("IL", "Asia/Jerusalem", ["Israel"]),
        ("LB", "Asia/Beirut", ["Lebanon"]),
        ("AE", "Asia/Dubai", ["United Arab Emirates", "UAE"]),
        ("SA", "Asia/Riyadh", ["Saudi Arabia"]),
        ("BH", "Asia/Bahrain", ["Bahrain"]),
        ("QA", "Asia/Qatar", ["Qatar"]),
        ("EG", "Africa/Cairo", ["Egypt"]),
        ("ZA", "Africa/Johannesburg", ["South Africa", "RSA"]),
        ("NG", "Africa/Lagos", ["Nigeria"]),
        ("KE", "Africa/Nairobi", ["Kenya"]),
        ("IN", "Asia/Kolkata", ["India"]),
        ("PK", "Asia/Karachi", ["Pakistan"]),
        ("CN", "Asia/Shanghai", ["China"]),
        ("HK", "Asia/Hong_Kong", ["Hong Kong"]),
        ("TW", "Asia/Taipei", ["Taiwan"]),
        ("JP", "Asia/Tokyo", ["Japan"]),
        ("KR", "Asia/Seoul", ["South Korea", "Korea"]),
        ("SG", "Asia/Singapore", ["Singapore"]),
        ("MY", "Asia/Kuala_Lumpur", ["Malaysia"]),
        ("TH", "Asia/Bangkok", ["Thailand"]),
        ("ID", "Asia/Jakarta", ["Indonesia"]),
        ("PH", "Asia/Manila", ["Philippines"]),
        ("VN", "Asia/Ho_Chi_Minh", ["Vietnam", "Viet Nam"]),
        ("AU", "Australia/Sydney", ["Australia"]),
        ("NZ", "Pacific/Auckland", ["New Zealand"]),
        ("US", "America/New_York", ["United States", "USA", "United States of America"]),
        ("CA", "America/Toronto", ["Canada"]),
        ("MX", "America/Mexico_City", ["Mexico"]),
        ("BR", "America/Sao_Paulo", ["Brazil"]),
        ("AR", "America/Argentina/Buenos_Aires", ["Argentina"]),
        ("CL", "America/Santiago", ["Chile"]),
        ("CO", "America/Bogota", ["Colombia"]),
        ("PE", "America/Lima", ["Peru"]),
    ]);

    /// <summary>The IANA zone id for a country name or code, or null when the country is unknown (or not a country, such as "Unspecified").</summary>
    public static string? ZoneOf(string? country) =>
        country is null ? null : ZoneByCountry.GetValueOrDefault(country.Trim());

    private static Dictionary<string, string> Build(IEnumerable<(string Code, string Zone, string[] Names)> countries)
    {
        var zones = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (code, zone, names) in countries)
        {
            zones.Add(code, zone);
            foreach (var name in names)
            {
                zones.Add(name, zone);
            }
        }

        return zones;
    }
}
