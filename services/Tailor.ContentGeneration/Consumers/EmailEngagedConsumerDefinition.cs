using MassTransit;
using Tailor.Messaging;

namespace Tailor.ContentGeneration.Consumers;

public sealed class EmailEngagedConsumerDefinition : ConsumerDefinition<EmailEngagedConsumer>
{
    public EmailEngagedConsumerDefinition() => ConcurrentMessageLimit = 16;

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<EmailEngagedConsumer> consumerConfigurator,
        IRegistrationContext context) =>
        ConsumerRetry.Apply(endpointConfigurator);
}
