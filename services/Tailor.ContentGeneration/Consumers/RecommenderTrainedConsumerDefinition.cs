using MassTransit;
using Tailor.Messaging;

namespace Tailor.ContentGeneration.Consumers;

public sealed class RecommenderTrainedConsumerDefinition : ConsumerDefinition<RecommenderTrainedConsumer>
{
    public RecommenderTrainedConsumerDefinition() => ConcurrentMessageLimit = 1;

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<RecommenderTrainedConsumer> consumerConfigurator,
        IRegistrationContext context) =>
        ConsumerRetry.Apply(endpointConfigurator);
}
