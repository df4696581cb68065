namespace Tailor.Ingestion.Requests;

/// <summary>A validated Segment <c>group</c> call: the user belongs to the group <paramref name="GroupId"/>.</summary>
/// <param name="Traits">The group's traits (not the user's), flattened.</param>
internal sealed record GroupCall(CallIdentity Identity, string GroupId, IReadOnlyDictionary<string, string> Traits) : SegmentCall(Identity);
