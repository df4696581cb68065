using Tailor.Messaging;

namespace Tailor.Recommendation.Consumers;

public sealed class RecommenderRollbackRequestedConsumerDefinition : TailorConsumerDefinition<RecommenderRollbackRequestedConsumer>
{
    public RecommenderRollbackRequestedConsumerDefinition() => ConcurrentMessageLimit = 1;
}
