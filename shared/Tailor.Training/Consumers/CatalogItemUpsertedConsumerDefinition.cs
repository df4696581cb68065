using Tailor.Messaging;

namespace Tailor.Training.Consumers;

public sealed class CatalogItemUpsertedConsumerDefinition<TTrainer> : TailorConsumerDefinition<CatalogItemUpsertedConsumer<TTrainer>>
    where TTrainer : IModelTrainer
{
    public CatalogItemUpsertedConsumerDefinition()
    {
        ConcurrentMessageLimit = 16;
    }
}
