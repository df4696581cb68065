using MassTransit;
using Tailor.Messaging;

namespace Tailor.ContentGeneration.Consumers;

public sealed class CampaignRequestedConsumerDefinition : ConsumerDefinition<CampaignRequestedConsumer>
{
    // Campaigns are rare and each one reads the whole audience; two at once is plenty.
    public CampaignRequestedConsumerDefinition() => ConcurrentMessageLimit = 2;

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<CampaignRequestedConsumer> consumerConfigurator,
        IRegistrationContext context) =>
        ConsumerRetry.Apply(endpointConfigurator);
}
