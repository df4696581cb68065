using Tailor.Contracts;
using Tailor.Ingestion.Requests;

namespace Tailor.Ingestion.Mapping;

/// <summary>A campaign request as <see cref="CampaignRequested"/>; the campaign id derives from the event id, so a retry names the same campaign.</summary>
internal static class CampaignMapper
{
    public static CampaignRequested Map(CampaignInput campaign, DateTimeOffset receivedAt)
    {
        var eventId = EventIds.From($"campaign:content:{campaign.ContentHash}", 0);
        return new CampaignRequested(
            eventId,
            eventId.ToString("N"),
            receivedAt,
            campaign.Name,
            campaign.Goal,
            campaign.Audience.UserIds,
            campaign.SendWindowStart,
            campaign.SendWindowEnd,
            campaign.Audience.DominantTopic,
            campaign.CampaignType,
            campaign.Audience.GroupIds,
            campaign.Sections,
            campaign.ControlShare);
    }
}
