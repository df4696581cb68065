namespace Tailor.Ingestion.Requests;

/// <summary>Who a campaign goes to: every filter given must hold (null filters hold for everyone).</summary>
/// <param name="GroupIds">Members of at least one of these groups.</param>
internal sealed record CampaignAudience(IReadOnlyList<string>? UserIds, string? DominantTopic, IReadOnlyList<string>? GroupIds)
{
    public static CampaignAudience Everyone { get; } = new(null, null, null);
}
