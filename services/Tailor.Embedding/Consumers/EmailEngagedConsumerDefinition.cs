using MassTransit;
using Tailor.Messaging;

namespace Tailor.Embedding.Consumers;

public sealed class EmailEngagedConsumerDefinition : ConsumerDefinition<EmailEngagedConsumer>
{
    public EmailEngagedConsumerDefinition()
    {
        // Store round-trips only (no model run): a few at once keep a webhook burst moving.
        ConcurrentMessageLimit = 8;
    }

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<EmailEngagedConsumer> consumerConfigurator,
        IRegistrationContext context) =>
        ConsumerRetry.Apply(endpointConfigurator);
}
