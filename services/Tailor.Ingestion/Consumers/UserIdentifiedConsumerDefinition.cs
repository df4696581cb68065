using MassTransit;
using Tailor.Messaging;

namespace Tailor.Ingestion.Consumers;

/// <summary>Retries store and cache hiccups; a message naming no user goes to the error queue with a Fault.</summary>
internal sealed class UserIdentifiedConsumerDefinition : TailorConsumerDefinition<UserIdentifiedConsumer>
{
    public UserIdentifiedConsumerDefinition()
    {
        ConcurrentMessageLimit = 16;
    }

    protected override void Configure(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<UserIdentifiedConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
    }
}
