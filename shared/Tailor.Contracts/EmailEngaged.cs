namespace Tailor.Contracts;

/// <summary>An email provider's webhook about an email Tailor produced; the feedback every service learns from.</summary>
/// <param name="EmailId">The <see cref="EmailReady.EmailId"/> this engagement is about.</param>
/// <param name="IsMachineOpen">An open by a privacy proxy or prefetcher: recorded, never learned from.</param>
public record EmailEngaged(
    Guid EventId,
    string UserId,
    DateTimeOffset OccurredAt,
    Guid EmailId,
    string CampaignId,
    EngagementKind Kind,
    string? Url,
    string? ItemId,
    bool IsMachineOpen);
