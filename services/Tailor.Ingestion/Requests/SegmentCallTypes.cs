namespace Tailor.Ingestion.Requests;

/// <summary>The Segment call types Ingestion accepts.</summary>
internal static class SegmentCallTypes
{
    public const string Track = "track";
    public const string Identify = "identify";
    public const string Page = "page";
    public const string Alias = "alias";

    /// <summary>Account membership: the user belongs to a group, with the group's traits.</summary>
    public const string Group = "group";

    /// <summary>The mobile app's page view: accepted as a <see cref="Page"/>.</summary>
    public const string Screen = "screen";

    public static IReadOnlyList<string> All { get; } = [Track, Identify, Page, Screen, Group, Alias];
}
