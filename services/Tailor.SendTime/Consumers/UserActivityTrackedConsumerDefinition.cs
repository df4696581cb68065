using MassTransit;
using Microsoft.Extensions.Options;
using Tailor.Messaging;

namespace Tailor.SendTime.Consumers;

public sealed class UserActivityTrackedConsumerDefinition(IOptions<SendTimeOptions> options)
    : ConsumerDefinition<UserActivityTrackedConsumer>
{
    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<UserActivityTrackedConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
        ConsumerRetry.Apply(endpointConfigurator);
        EvidenceBatching.Batch(consumerConfigurator, options);
    }
}
