using MassTransit;
using Tailor.Messaging;

namespace Tailor.Ingestion.Webhooks;

/// <summary>Retries store hiccups; an email without user or campaign goes to the error queue with a Fault.</summary>
internal sealed class EmailReadyConsumerDefinition : ConsumerDefinition<EmailReadyConsumer>
{
    public EmailReadyConsumerDefinition() => ConcurrentMessageLimit = 16;

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<EmailReadyConsumer> consumerConfigurator,
        IRegistrationContext context) =>
        ConsumerRetry.Apply(endpointConfigurator);
}
