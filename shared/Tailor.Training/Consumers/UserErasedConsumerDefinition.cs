using MassTransit;
using Tailor.Messaging;

namespace Tailor.Training.Consumers;

public sealed class UserErasedConsumerDefinition<TTrainer> : ConsumerDefinition<UserErasedConsumer<TTrainer>>
    where TTrainer : IModelTrainer
{
    public UserErasedConsumerDefinition()
    {
        ConcurrentMessageLimit = 4;
    }

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<UserErasedConsumer<TTrainer>> consumerConfigurator,
        IRegistrationContext context) =>
        ConsumerRetry.Apply(endpointConfigurator);
}
