namespace Tailor.ContentGeneration.Frequency;

/// <summary>One email let through to a user: when it goes out and which cap it counts against.</summary>
/// <param name="CampaignType">The campaign's type as requested (the default type when it named none).</param>
public sealed record LedgerSend(Guid EmailId, string CampaignId, string CampaignType, DateTimeOffset SendAt);
