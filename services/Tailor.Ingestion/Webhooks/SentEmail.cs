namespace Tailor.Ingestion.Webhooks;

/// <summary>What Ingestion remembers of each <c>EmailReady</c>, so provider events about it find their user and campaign.</summary>
/// <param name="SubjectVariant">The subject variant the email carried, for counting opens and clicks per variant; null on documents stored before it was kept.</param>
/// <param name="Arm">The arm of the campaign's control test the reader was in (<see cref="Contracts.CampaignArms"/>); null on emails from before control groups, which were all personalised.</param>
/// <param name="WrittenAt">When ContentGeneration wrote it (its record's time), which bounds what a release of its held engagements reads; null on documents stored before it was kept.</param>
internal sealed record SentEmail(
    Guid EmailId, string UserId, string CampaignId, IReadOnlyList<string> ItemIds, string? SubjectVariant = null, string? Arm = null, DateTimeOffset? WrittenAt = null)
{
    /// <summary>The arm the email counts in: <see cref="Arm"/>, or personalised for emails from before control groups.</summary>
    public string CountedArm => Arm ?? Contracts.CampaignArms.Personalised;
}
