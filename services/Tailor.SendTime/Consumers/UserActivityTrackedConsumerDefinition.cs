using MassTransit;
using Microsoft.Extensions.Options;

namespace Tailor.SendTime.Consumers;

public sealed class UserActivityTrackedConsumerDefinition(IOptions<SendTimeOptions> options)
    : ConsumerDefinition<UserActivityTrackedConsumer>
{
    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<UserActivityTrackedConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
        endpointConfigurator.UseMessageRetry(ConsumerRules.Retry);
        ConsumerRules.Batch(consumerConfigurator, options);
    }
}
