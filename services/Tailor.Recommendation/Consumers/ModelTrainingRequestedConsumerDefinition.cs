using MassTransit;

namespace Tailor.Recommendation.Consumers;

public sealed class ModelTrainingRequestedConsumerDefinition : ConsumerDefinition<ModelTrainingRequestedConsumer>
{
    // One training at a time anyway; a second request waits in the queue rather than holding a consumer slot.
    // No message retry: the request is recorded before training (that is what makes a duplicate a no-op), so a
    // retried delivery would be taken for a duplicate. A failed training faults at once, so the requester learns of it,
    // and the retrain scheduler trains again when the model is due.
    public ModelTrainingRequestedConsumerDefinition() => ConcurrentMessageLimit = 1;
}
