namespace Tailor.Contracts;

/// <summary>An email provider's webhook about an email Tailor produced; the feedback every service learns from.</summary>
/// <param name="EmailId">The <see cref="EmailReady.EmailId"/> this engagement is about.</param>
/// <param name="IsMachineOpen">An open by a privacy proxy or prefetcher: recorded, never learned from.</param>
/// <param name="Source">
/// What the provider reported that made this <paramref name="Kind"/>, as <c>provider:event[:reason]</c> (for example
/// <c>sendgrid:dropped:Bounced Address</c> or <c>postmark:bounce:Unsubscribe</c>); kept with the suppression it causes.
/// Null when it came from elsewhere, or from a sender before this field existed.
/// </param>
public record EmailEngaged(
    Guid EventId,
    string UserId,
    DateTimeOffset OccurredAt,
    Guid EmailId,
    string CampaignId,
    EngagementKind Kind,
    string? Url,
    string? ItemId,
    bool IsMachineOpen,
    string? Source = null) : IUserEvent;
