using MassTransit;
using Tailor.Messaging;

namespace Tailor.SendTime.Consumers;

public sealed class UserIdentifiedConsumerDefinition : ConsumerDefinition<UserIdentifiedConsumer>
{
    public UserIdentifiedConsumerDefinition() => ConcurrentMessageLimit = 4;

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<UserIdentifiedConsumer> consumerConfigurator,
        IRegistrationContext context) =>
        ConsumerRetry.Apply(endpointConfigurator);
}
