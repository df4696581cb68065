namespace Tailor.Ingestion.Requests;

/// <summary>The Segment call types Ingestion accepts.</summary>
internal static class SegmentCallTypes
{
    public const string Track = "track";
    public const string Identify = "identify";
    public const string Page = "page";
    public const string Alias = "alias";

    public static IReadOnlyList<string> All { get; } = [Track, Identify, Page, Alias];
}
