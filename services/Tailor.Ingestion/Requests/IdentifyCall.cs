namespace Tailor.Ingestion.Requests;

/// <summary>A validated Segment <c>identify</c> call, with the traits Tailor understands picked out.</summary>
/// <param name="EmailConsent">The <c>email_consent</c> trait, when sent.</param>
/// <param name="Unsubscribed">The <c>unsubscribed</c> trait, when sent.</param>
/// <param name="Traits">Every trait, flattened.</param>
internal sealed record IdentifyCall(
    CallIdentity Identity,
    string? Email,
    string? FirstName,
    string? Country,
    string? TimeZone,
    bool? EmailConsent,
    bool? Unsubscribed,
    IReadOnlyDictionary<string, string> Traits) : SegmentCall(Identity);
