namespace Tailor.Ingestion.Requests;

/// <summary>One validated Segment call.</summary>
internal abstract record SegmentCall(CallIdentity Identity);
