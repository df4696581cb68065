namespace Tailor.Ingestion.Security;

/// <summary>What an API key may do. Each scope is also the name of the authorization policy that requires it.</summary>
public static class ApiScopes
{
    /// <summary>Segment calls: track, identify, page, screen, group, alias, batch.</summary>
    public const string Events = "events";

    /// <summary>Catalog uploads.</summary>
    public const string Catalog = "catalog";

    /// <summary>Campaign requests.</summary>
    public const string Campaigns = "campaigns";

    /// <summary>Managing API keys, erasing and exporting users.</summary>
    public const string Admin = "admin";

    public static IReadOnlyList<string> All { get; } = [Events, Catalog, Campaigns, Admin];

    /// <summary>The claim type that carries one granted scope.</summary>
    public const string ClaimType = "tailor:scope";

    public static bool IsKnown(string scope) => All.Contains(scope, StringComparer.Ordinal);
}
