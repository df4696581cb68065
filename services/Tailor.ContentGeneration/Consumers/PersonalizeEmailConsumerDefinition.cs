using MassTransit;
using Microsoft.Extensions.Options;
using Tailor.Messaging;

namespace Tailor.ContentGeneration.Consumers;

public sealed class PersonalizeEmailConsumerDefinition(IOptions<ContentGenerationOptions> options) : ConsumerDefinition<PersonalizeEmailConsumer>
{
    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<PersonalizeEmailConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
        ConsumerRetry.Apply(endpointConfigurator);
        // Two batches at once (as batches on other replicas run): while one waits on its ledger writes and publishes,
        // the other composes. Each user's ledger and each subject test change only by conditional writes, so batches
        // need no order between them.
        consumerConfigurator.Options<BatchOptions>(batch => batch
            .SetMessageLimit(options.Value.PersonalizeBatchLimit)
            .SetTimeLimit(options.Value.PersonalizeBatchTimeLimit)
            .SetConcurrencyLimit(2));
    }
}
