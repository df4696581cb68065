namespace Tailor.Ingestion.Requests;

/// <summary>A validated Segment <c>alias</c> call: <paramref name="PreviousId"/> (an anonymous id) is the user <c>userId</c>.</summary>
internal sealed record AliasCall(CallIdentity Identity, string PreviousId) : SegmentCall(Identity);
