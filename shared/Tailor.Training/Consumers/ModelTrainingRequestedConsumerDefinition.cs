using Tailor.Messaging;

namespace Tailor.Training.Consumers;

public sealed class ModelTrainingRequestedConsumerDefinition<TTrainer> : TailorConsumerDefinition<ModelTrainingRequestedConsumer<TTrainer>>
    where TTrainer : IModelTrainer
{
    public ModelTrainingRequestedConsumerDefinition()
    {

        // One training at a time anyway; a second request waits in the queue rather than holding a consumer slot.
        ConcurrentMessageLimit = 1;
    }
}
