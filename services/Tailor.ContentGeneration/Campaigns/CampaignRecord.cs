using Tailor.Contracts;

namespace Tailor.ContentGeneration.Campaigns;

/// <summary>A campaign as first requested (<c>contentgeneration.campaigns</c>), and whether its fan-out finished.</summary>
/// <param name="AudienceSize">How many users got a <c>PersonalizeEmail</c>; null until the fan-out finished.</param>
public sealed record CampaignRecord(CampaignRequested Request, int? AudienceSize, DateTimeOffset? FannedOutAt);
