using MassTransit;
using Microsoft.Extensions.Options;
using Tailor.Messaging;

namespace Tailor.Embedding.Consumers;

public sealed class UserActivityTrackedConsumerDefinition(IOptions<EmbeddingOptions> options)
    : TailorConsumerDefinition<UserActivityTrackedConsumer>
{
    protected override void Configure(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<UserActivityTrackedConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
        // Two batches may run at once (as batches on other replicas do): a user's state changes by conditional writes,
        // and the decayed sum does not depend on the order evidence arrives in, so one batch's store round-trips
        // overlap the other's model run.
        consumerConfigurator.Options<BatchOptions>(batch => batch
            .SetMessageLimit(options.Value.MessageBatchLimit)
            .SetTimeLimit(options.Value.MessageBatchTimeLimit)
            .SetConcurrencyLimit(2));
    }
}
