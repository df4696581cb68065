namespace Tailor.Ingestion.Webhooks;

/// <summary>What Ingestion remembers of each <c>EmailReady</c>, so provider events about it find their user and campaign.</summary>
internal sealed record SentEmail(Guid EmailId, string UserId, string CampaignId, IReadOnlyList<string> ItemIds);
