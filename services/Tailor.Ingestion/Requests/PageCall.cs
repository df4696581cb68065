namespace Tailor.Ingestion.Requests;

/// <summary>A validated Segment <c>page</c> or <c>screen</c> call: the user saw a page of the platform's site or a screen of its app.</summary>
/// <param name="Properties">The flattened properties (url, path, referrer, title ...), with the page's name and category.</param>
internal sealed record PageCall(CallIdentity Identity, string? Name, IReadOnlyDictionary<string, string> Properties) : SegmentCall(Identity);
