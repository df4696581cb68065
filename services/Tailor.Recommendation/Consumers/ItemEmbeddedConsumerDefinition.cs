using Tailor.Messaging;

namespace Tailor.Recommendation.Consumers;

public sealed class ItemEmbeddedConsumerDefinition : TailorConsumerDefinition<ItemEmbeddedConsumer>
{
    public ItemEmbeddedConsumerDefinition() => ConcurrentMessageLimit = 16;
}
