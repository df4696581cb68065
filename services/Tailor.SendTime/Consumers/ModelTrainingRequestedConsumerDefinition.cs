using MassTransit;
using Tailor.Messaging;

namespace Tailor.SendTime.Consumers;

public sealed class ModelTrainingRequestedConsumerDefinition : ConsumerDefinition<ModelTrainingRequestedConsumer>
{
    // One refresh at a time; it holds the learner's gate for all users anyway.
    public ModelTrainingRequestedConsumerDefinition() => ConcurrentMessageLimit = 1;

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<ModelTrainingRequestedConsumer> consumerConfigurator,
        IRegistrationContext context) =>
        ConsumerRetry.Apply(endpointConfigurator);
}
