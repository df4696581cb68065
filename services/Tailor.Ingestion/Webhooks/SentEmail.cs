namespace Tailor.Ingestion.Webhooks;

/// <summary>What Ingestion remembers of each <c>EmailReady</c>, so provider events about it find their user and campaign.</summary>
/// <param name="SubjectVariant">The subject variant the email carried, for counting opens and clicks per variant; null on documents stored before it was kept.</param>
internal sealed record SentEmail(Guid EmailId, string UserId, string CampaignId, IReadOnlyList<string> ItemIds, string? SubjectVariant = null);
