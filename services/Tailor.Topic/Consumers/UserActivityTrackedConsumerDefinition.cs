using MassTransit;

namespace Tailor.Topic.Consumers;

public sealed class UserActivityTrackedConsumerDefinition : ConsumerDefinition<UserActivityTrackedConsumer>
{
    public UserActivityTrackedConsumerDefinition() => ConcurrentMessageLimit = 16;

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<UserActivityTrackedConsumer> consumerConfigurator,
        IRegistrationContext context) =>
        endpointConfigurator.UseMessageRetry(retry =>
        {
            // Bad input stays bad: straight to the error queue instead of three more tries.
            retry.Ignore<ArgumentException>();
            retry.Intervals(100, 500, 2_000);
        });
}
