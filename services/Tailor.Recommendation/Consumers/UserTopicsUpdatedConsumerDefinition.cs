using MassTransit;
using Tailor.Messaging;

namespace Tailor.Recommendation.Consumers;

public sealed class UserTopicsUpdatedConsumerDefinition : ConsumerDefinition<UserTopicsUpdatedConsumer>
{
    public UserTopicsUpdatedConsumerDefinition() => ConcurrentMessageLimit = 16;

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<UserTopicsUpdatedConsumer> consumerConfigurator,
        IRegistrationContext context) =>
        ConsumerRetry.Apply(endpointConfigurator);
}
