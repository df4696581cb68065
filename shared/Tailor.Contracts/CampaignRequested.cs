namespace Tailor.Contracts;

/// <summary>A campaign was asked for: one personalised email per user of the audience, sent inside the window.</summary>
/// <param name="UserIds">The audience; null means every known user.</param>
/// <param name="DominantTopic">When set, only the users of the audience whose dominant topic has this label (Topic's <c>DominantLabel</c>, compared without regard to case).</param>
/// <param name="CampaignType">Which frequency cap the campaign's emails count against (see <see cref="CampaignTypes"/>); null for ContentGeneration's default type.</param>
/// <param name="GroupIds">When set, only the users of the audience who belong to at least one of these groups (Segment <c>group</c>, see <see cref="UserGrouped"/>).</param>
/// <param name="Sections">Which sections the emails show, in order (see <see cref="EmailSections"/>); null for both, re-orders first.</param>
/// <param name="ControlShare">
/// The share of the audience (0 to <see cref="CampaignArms.MaxControlShare"/>) held out as the control group, which gets
/// the non-personalised email (see <see cref="CampaignArms"/>); null or 0 for none.
/// </param>
public record CampaignRequested(
    Guid EventId,
    string CampaignId,
    DateTimeOffset OccurredAt,
    string Name,
    string Goal,
    IReadOnlyList<string>? UserIds,
    DateTimeOffset SendWindowStart,
    DateTimeOffset SendWindowEnd,
    string? DominantTopic = null,
    string? CampaignType = null,
    IReadOnlyList<string>? GroupIds = null,
    IReadOnlyList<string>? Sections = null,
    double? ControlShare = null);
