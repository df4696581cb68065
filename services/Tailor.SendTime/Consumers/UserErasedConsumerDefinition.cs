using MassTransit;
using Tailor.Messaging;

namespace Tailor.SendTime.Consumers;

public sealed class UserErasedConsumerDefinition : ConsumerDefinition<UserErasedConsumer>
{
    public UserErasedConsumerDefinition() => ConcurrentMessageLimit = 4;

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<UserErasedConsumer> consumerConfigurator,
        IRegistrationContext context) =>
        ConsumerRetry.Apply(endpointConfigurator);
}
