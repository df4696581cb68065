using MassTransit;
using Tailor.Messaging;

namespace Tailor.Ingestion.Consumers;

/// <summary>Retries store and cache hiccups a few times before the message goes to the error queue (<c>_error</c>, with a <c>Fault</c>).</summary>
internal sealed class EmailEngagedConsumerDefinition : TailorConsumerDefinition<EmailEngagedConsumer>
{
    public EmailEngagedConsumerDefinition()
    {
        ConcurrentMessageLimit = 16;
    }

    protected override void Configure(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<EmailEngagedConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
    }
}
