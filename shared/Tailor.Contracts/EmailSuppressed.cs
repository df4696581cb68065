namespace Tailor.Contracts;

/// <summary>No email goes to this user for this campaign, and why (see <see cref="SuppressionReasons"/>).</summary>
public record EmailSuppressed(
    Guid EventId,
    string UserId,
    DateTimeOffset OccurredAt,
    string CampaignId,
    string Reason) : IUserEvent;
