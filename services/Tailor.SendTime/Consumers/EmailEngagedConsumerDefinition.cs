using MassTransit;
using Microsoft.Extensions.Options;

namespace Tailor.SendTime.Consumers;

public sealed class EmailEngagedConsumerDefinition(IOptions<SendTimeOptions> options)
    : ConsumerDefinition<EmailEngagedConsumer>
{
    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<EmailEngagedConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
        endpointConfigurator.UseMessageRetry(ConsumerRules.Retry);
        ConsumerRules.Batch(consumerConfigurator, options);
    }
}
