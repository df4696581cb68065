using MassTransit;
using Microsoft.Extensions.Options;
using Tailor.Messaging;

namespace Tailor.SendTime.Consumers;

public sealed class EmailEngagedConsumerDefinition(IOptions<SendTimeOptions> options)
    : ConsumerDefinition<EmailEngagedConsumer>
{
    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<EmailEngagedConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
        ConsumerRetry.Apply(endpointConfigurator);
        EvidenceBatching.Batch(consumerConfigurator, options);
    }
}
