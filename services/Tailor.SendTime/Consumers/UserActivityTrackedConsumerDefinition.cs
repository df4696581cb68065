using MassTransit;
using Microsoft.Extensions.Options;
using Tailor.Messaging;

namespace Tailor.SendTime.Consumers;

public sealed class UserActivityTrackedConsumerDefinition(IOptions<SendTimeOptions> options)
    : TailorConsumerDefinition<UserActivityTrackedConsumer>
{
    protected override void Configure(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<UserActivityTrackedConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
        EvidenceBatching.Batch(consumerConfigurator, options);
    }
}
