using Tailor.Contracts;

namespace Tailor.ContentGeneration.Composition;

/// <summary>
/// Everything an email may say about its reader: the composer writes from these facts only, so no copy claims
/// anything the profile does not hold.
/// </summary>
/// <param name="Items">The recommended items to show, best first; at least one.</param>
/// <param name="CampaignGoal">What the marketer wants the campaign to do, in their words.</param>
public sealed record EmailFacts(
    Guid EmailId,
    string? FirstName,
    string? TopicLabel,
    IReadOnlyList<RecommendedItem> Items,
    string CampaignName,
    string? CampaignGoal = null);
