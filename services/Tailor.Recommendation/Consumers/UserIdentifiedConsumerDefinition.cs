using MassTransit;

namespace Tailor.Recommendation.Consumers;

public sealed class UserIdentifiedConsumerDefinition : ConsumerDefinition<UserIdentifiedConsumer>
{
    public UserIdentifiedConsumerDefinition() => ConcurrentMessageLimit = 16;

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<UserIdentifiedConsumer> consumerConfigurator,
        IRegistrationContext context) =>
        endpointConfigurator.UseMessageRetry(retry =>
        {
            // Bad input stays bad: straight to the error queue instead of three more tries.
            retry.Ignore<ArgumentException>();
            retry.Intervals(100, 500, 2_000);
        });
}
