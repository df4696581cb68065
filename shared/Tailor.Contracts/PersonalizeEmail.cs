namespace Tailor.Contracts;

/// <summary>Command: write one campaign's email for one user.</summary>
public record PersonalizeEmail(
    Guid EventId,
    string UserId,
    DateTimeOffset OccurredAt,
    string CampaignId,
    string CampaignName,
    string Goal,
    DateTimeOffset SendWindowStart,
    DateTimeOffset SendWindowEnd);
