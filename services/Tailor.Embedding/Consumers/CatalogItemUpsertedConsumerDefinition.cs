using MassTransit;
using Microsoft.Extensions.Options;
using Tailor.Messaging;

namespace Tailor.Embedding.Consumers;

public sealed class CatalogItemUpsertedConsumerDefinition(IOptions<EmbeddingOptions> options)
    : TailorConsumerDefinition<CatalogItemUpsertedConsumer>
{
    protected override void Configure(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<CatalogItemUpsertedConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
        // One batch at a time per replica, each one model run. Batches on other replicas may store vectors meanwhile:
        // an older change never overwrites a newer one, as each vector is stored by a conditional write.
        consumerConfigurator.Options<BatchOptions>(batch => batch
            .SetMessageLimit(options.Value.MessageBatchLimit)
            .SetTimeLimit(options.Value.MessageBatchTimeLimit)
            .SetConcurrencyLimit(1));
    }
}
