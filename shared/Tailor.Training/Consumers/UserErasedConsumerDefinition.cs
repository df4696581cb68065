using Tailor.Messaging;

namespace Tailor.Training.Consumers;

public sealed class UserErasedConsumerDefinition<TTrainer> : TailorConsumerDefinition<UserErasedConsumer<TTrainer>>
    where TTrainer : IModelTrainer
{
    public UserErasedConsumerDefinition()
    {
        ConcurrentMessageLimit = 4;
    }
}
