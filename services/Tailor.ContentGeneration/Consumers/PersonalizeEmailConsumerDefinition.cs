using MassTransit;
using Tailor.Messaging;

namespace Tailor.ContentGeneration.Consumers;

public sealed class PersonalizeEmailConsumerDefinition : TailorConsumerDefinition<PersonalizeEmailConsumer>
{
    protected override void Configure(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<PersonalizeEmailConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
        // Two pages at once (as pages on other replicas run): while one waits on its ledger writes and publishes, the
        // other composes. Each user's ledger and each subject test change only by conditional writes, so pages need no
        // order between them.
        consumerConfigurator.ConcurrentMessageLimit = 2;
    }
}
