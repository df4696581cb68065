using System.Text;
using Tailor.Contracts;

namespace Tailor.ContentGeneration.Campaigns;

/// <summary>A campaign's audience in words, as the log tells an operator whom a campaign was for.</summary>
internal static class AudienceDescription
{
    public static string Of(CampaignRequested campaign)
    {
        var words = new StringBuilder(campaign.UserIds is { } userIds ? $"the {userIds.Count} users it names" : "all users with a profile");
        if (campaign.DominantTopic is { } topic)
        {
            words.Append($" whose dominant topic is '{topic}'");
        }

        if (campaign.GroupIds is { } groups)
        {
            words.Append(campaign.DominantTopic is null ? " in group " : " and in group ")
                .AppendJoin(" or ", groups.Select(group => $"'{group}'"));
        }

        return words.ToString();
    }
}
