using MassTransit;
using Tailor.Messaging;

namespace Tailor.Training.Consumers;

public sealed class EmailEngagedConsumerDefinition<TTrainer> : ConsumerDefinition<EmailEngagedConsumer<TTrainer>>
    where TTrainer : IModelTrainer
{
    public EmailEngagedConsumerDefinition()
    {
        ConcurrentMessageLimit = 16;
    }

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<EmailEngagedConsumer<TTrainer>> consumerConfigurator,
        IRegistrationContext context) =>
        ConsumerRetry.Apply(endpointConfigurator);
}
