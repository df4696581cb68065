using MassTransit;
using Tailor.Messaging;

namespace Tailor.Recommendation.Consumers;

public sealed class UserInterestsUpdatedConsumerDefinition : TailorConsumerDefinition<UserInterestsUpdatedConsumer>
{
    protected override void Configure(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<UserInterestsUpdatedConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
        ConsumerBatches.Apply(consumerConfigurator);
    }
}
