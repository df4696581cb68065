using MassTransit;
using Tailor.Messaging;

namespace Tailor.Recommendation.Consumers;

public sealed class CatalogItemUpsertedConsumerDefinition : ConsumerDefinition<CatalogItemUpsertedConsumer>
{
    public CatalogItemUpsertedConsumerDefinition() => ConcurrentMessageLimit = 16;

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<CatalogItemUpsertedConsumer> consumerConfigurator,
        IRegistrationContext context) =>
        endpointConfigurator.UseMessageRetry(ConsumerRetry.Standard);
}
