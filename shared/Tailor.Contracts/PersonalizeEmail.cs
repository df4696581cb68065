namespace Tailor.Contracts;

/// <summary>Command: write one campaign's email for one user.</summary>
/// <param name="CampaignType">The campaign's <see cref="CampaignRequested.CampaignType"/>; null for the default type.</param>
/// <param name="Sections">The campaign's <see cref="CampaignRequested.Sections"/>; null for both.</param>
public record PersonalizeEmail(
    Guid EventId,
    string UserId,
    DateTimeOffset OccurredAt,
    string CampaignId,
    string CampaignName,
    string Goal,
    DateTimeOffset SendWindowStart,
    DateTimeOffset SendWindowEnd,
    string? CampaignType = null,
    IReadOnlyList<string>? Sections = null) : IUserEvent
{
    /// <summary>When the campaign was requested (its <see cref="CampaignRequested.OccurredAt"/>): where campaign-to-email latency starts. Null from older senders.</summary>
    public DateTimeOffset? CampaignRequestedAt { get; init; }

    /// <summary>Which arm of the campaign's control test the user is in (<see cref="CampaignArms"/>); null from older senders (personalised).</summary>
    public string? Arm { get; init; }
}
