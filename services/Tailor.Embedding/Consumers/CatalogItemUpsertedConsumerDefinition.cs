using MassTransit;
using Microsoft.Extensions.Options;
using Tailor.Messaging;

namespace Tailor.Embedding.Consumers;

public sealed class CatalogItemUpsertedConsumerDefinition(IOptions<EmbeddingOptions> options)
    : ConsumerDefinition<CatalogItemUpsertedConsumer>
{
    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<CatalogItemUpsertedConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
        ConsumerRetry.Apply(endpointConfigurator);
        // One batch at a time: "is the stored vector newer than this change?" is read, then written, without a lock.
        consumerConfigurator.Options<BatchOptions>(batch => batch
            .SetMessageLimit(options.Value.MessageBatchLimit)
            .SetTimeLimit(options.Value.MessageBatchTimeLimit)
            .SetConcurrencyLimit(1));
    }
}
