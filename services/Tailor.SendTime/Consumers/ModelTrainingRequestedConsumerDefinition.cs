using Tailor.Messaging;

namespace Tailor.SendTime.Consumers;

public sealed class ModelTrainingRequestedConsumerDefinition : TailorConsumerDefinition<ModelTrainingRequestedConsumer>
{
    // One refresh at a time per replica: each one reads every user, so two at once would only double the work.
    public ModelTrainingRequestedConsumerDefinition() => ConcurrentMessageLimit = 1;
}
