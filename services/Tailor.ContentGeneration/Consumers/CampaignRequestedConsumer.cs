using MassTransit;
using Microsoft.Extensions.Logging;
using Tailor.ContentGeneration.Campaigns;
using Tailor.ContentGeneration.Frequency;
using Tailor.Contracts;
using Tailor.Storage;
using Tailor.Messaging;

namespace Tailor.ContentGeneration.Consumers;

/// <summary>Stores a campaign and sends one <see cref="PersonalizeEmail"/> to each user of its audience.</summary>
public sealed class CampaignRequestedConsumer(
    IEventStore events,
    CampaignFanOut fanOut,
    FrequencyPolicy frequency,
    ILogger<CampaignRequestedConsumer> logger) : IConsumer<CampaignRequested>
{
    public async Task Consume(ConsumeContext<CampaignRequested> context)
    {
        var campaign = context.Message;
        Validate(campaign);

        // A duplicate is not skipped here: if the first delivery failed halfway through the fan-out, this one finishes
        // it. The campaign record says when there is nothing left to do.
        await events.RecordAsync(ContentGenerationNames.Stream, campaign.EventId, null, campaign.OccurredAt, campaign, context.CancellationToken);
        if (await fanOut.FanOutAsync(campaign, context, context.CancellationToken) is { } finished)
        {
            // Said once per campaign here rather than once per user in PersonalizeEmail: most likely a typo in the request.
            if (campaign.CampaignType is { } type && !frequency.HasCap(type))
            {
                Log.UnknownCampaignType(logger, campaign.CampaignId, type, frequency.DefaultType);
            }

            Log.FannedOut(logger, campaign.CampaignId, finished.AudienceSize ?? 0, finished.ControlSize ?? 0);
        }
        else
        {
            Log.AlreadyFannedOut(logger, campaign.CampaignId, campaign.EventId);
        }
    }

    // What ContentGeneration alone refuses; the ids, times and send window were held to MessageRules on the way in.
    private static void Validate(CampaignRequested campaign)
    {
        CampaignMessageChecks.RequireCampaignType(campaign.CampaignType, nameof(CampaignRequested), campaign.EventId);
        CampaignMessageChecks.RequireSections(campaign.Sections, nameof(CampaignRequested), campaign.EventId);
        if (campaign.ControlShare is { } share && !(share >= 0 && share <= CampaignArms.MaxControlShare))
        {
            throw new InvalidMessageException(
                $"{nameof(CampaignRequested)} {campaign.EventId} has a control share of {share}; it must be from 0 to {CampaignArms.MaxControlShare}.");
        }
    }
}
