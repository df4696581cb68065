using MassTransit;
using Microsoft.Extensions.Options;
using Tailor.Messaging;

namespace Tailor.SendTime.Consumers;

public sealed class EmailEngagedConsumerDefinition(IOptions<SendTimeOptions> options)
    : TailorConsumerDefinition<EmailEngagedConsumer>
{
    protected override void Configure(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<EmailEngagedConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
        EvidenceBatching.Batch(consumerConfigurator, options);
    }
}
