using MassTransit;
using Tailor.Messaging;

namespace Tailor.ContentGeneration.Consumers;

public sealed class PersonalizeEmailConsumerDefinition : ConsumerDefinition<PersonalizeEmailConsumer>
{
    // Each command is one profile read and some string building; several at once keep the cache round-trips overlapped.
    public PersonalizeEmailConsumerDefinition() => ConcurrentMessageLimit = 16;

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<PersonalizeEmailConsumer> consumerConfigurator,
        IRegistrationContext context) =>
        ConsumerRetry.Apply(endpointConfigurator);
}
