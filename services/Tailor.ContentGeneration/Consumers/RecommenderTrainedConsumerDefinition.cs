using Tailor.Messaging;

namespace Tailor.ContentGeneration.Consumers;

public sealed class RecommenderTrainedConsumerDefinition : TailorConsumerDefinition<RecommenderTrainedConsumer>
{
    public RecommenderTrainedConsumerDefinition() => ConcurrentMessageLimit = 1;
}
