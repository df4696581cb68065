using Tailor.Contracts;

namespace Tailor.ContentGeneration.Campaigns;

/// <summary>A campaign as first requested (<c>contentgeneration.campaigns</c>), and whether its fan-out finished.</summary>
/// <param name="AudienceSize">How many users got a <c>PersonalizeEmail</c>; null until the fan-out finished.</param>
/// <param name="ControlSize">How many of them are in the control group; null until the fan-out finished (or from before control groups).</param>
public sealed record CampaignRecord(CampaignRequested Request, int? AudienceSize, DateTimeOffset? FannedOutAt, int? ControlSize = null);
