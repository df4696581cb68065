namespace Tailor.Ingestion.Requests;

/// <summary>A validated Segment <c>identify</c> call, with the traits Tailor understands picked out.</summary>
/// <param name="EmailConsent">The <c>email_consent</c> trait, when sent.</param>
/// <param name="Unsubscribed">The <c>unsubscribed</c> trait, when sent.</param>
/// <param name="Traits">Every trait, flattened.</param>
/// <param name="DetailsLeftOut">
/// For a call that withdraws consent, each contact detail left out because it breaks the rules (<c>path: why</c>):
/// the withdrawal is taken without them rather than refused.
/// </param>
internal sealed record IdentifyCall(
    CallIdentity Identity,
    string? Email,
    string? FirstName,
    string? Country,
    string? TimeZone,
    bool? EmailConsent,
    bool? Unsubscribed,
    IReadOnlyDictionary<string, string> Traits,
    IReadOnlyList<string> DetailsLeftOut) : SegmentCall(Identity);
