using MassTransit;
using Tailor.Messaging;

namespace Tailor.Recommendation.Consumers;

public sealed class UserActivityTrackedConsumerDefinition : TailorConsumerDefinition<UserActivityTrackedConsumer>
{
    protected override void Configure(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<UserActivityTrackedConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
        ConsumerBatches.Apply(consumerConfigurator);
    }
}
