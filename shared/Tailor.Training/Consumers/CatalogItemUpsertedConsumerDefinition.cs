using Tailor.Messaging;
using Tailor.Training.Catalog;

namespace Tailor.Training.Consumers;

public sealed class CatalogItemUpsertedConsumerDefinition<TCopy> : TailorConsumerDefinition<CatalogItemUpsertedConsumer<TCopy>>
    where TCopy : ICatalogCopy
{
    public CatalogItemUpsertedConsumerDefinition()
    {
        ConcurrentMessageLimit = 16;
    }
}
