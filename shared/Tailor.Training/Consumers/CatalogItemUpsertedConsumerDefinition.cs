using MassTransit;
using Tailor.Messaging;

namespace Tailor.Training.Consumers;

public sealed class CatalogItemUpsertedConsumerDefinition<TTrainer> : ConsumerDefinition<CatalogItemUpsertedConsumer<TTrainer>>
    where TTrainer : IModelTrainer
{
    public CatalogItemUpsertedConsumerDefinition()
    {
        ConcurrentMessageLimit = 16;
    }

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<CatalogItemUpsertedConsumer<TTrainer>> consumerConfigurator,
        IRegistrationContext context) =>
        ConsumerRetry.Apply(endpointConfigurator);
}
