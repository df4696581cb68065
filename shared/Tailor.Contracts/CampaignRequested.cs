namespace Tailor.Contracts;

/// <summary>A campaign was asked for: one personalised email per user of the audience, sent inside the window.</summary>
/// <param name="UserIds">The audience; null means every known user.</param>
public record CampaignRequested(
    Guid EventId,
    string CampaignId,
    DateTimeOffset OccurredAt,
    string Name,
    string Goal,
    IReadOnlyList<string>? UserIds,
    DateTimeOffset SendWindowStart,
    DateTimeOffset SendWindowEnd);
