using Tailor.Messaging;

namespace Tailor.Training.Consumers;

public sealed class EmailEngagedConsumerDefinition<TTrainer> : TailorConsumerDefinition<EmailEngagedConsumer<TTrainer>>
    where TTrainer : IModelTrainer
{
    public EmailEngagedConsumerDefinition()
    {
        ConcurrentMessageLimit = 16;
    }
}
