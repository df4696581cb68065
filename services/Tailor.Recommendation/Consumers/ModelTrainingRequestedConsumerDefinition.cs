using MassTransit;
using Tailor.Messaging;

namespace Tailor.Recommendation.Consumers;

public sealed class ModelTrainingRequestedConsumerDefinition : ConsumerDefinition<ModelTrainingRequestedConsumer>
{
    // One training at a time anyway; a second request waits in the queue rather than holding a consumer slot.
    public ModelTrainingRequestedConsumerDefinition() => ConcurrentMessageLimit = 1;

    // The request is recorded only once its training finished, so a failed training is retried and then faults,
    // and the requester always hears back.
    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<ModelTrainingRequestedConsumer> consumerConfigurator,
        IRegistrationContext context) =>
        endpointConfigurator.UseMessageRetry(ConsumerRetry.Standard);
}
