using Tailor.Messaging;

namespace Tailor.ContentGeneration.Consumers;

public sealed class CampaignRequestedConsumerDefinition : TailorConsumerDefinition<CampaignRequestedConsumer>
{
    // Campaigns are rare and each one reads the whole audience; two at once is plenty.
    public CampaignRequestedConsumerDefinition() => ConcurrentMessageLimit = 2;
}
