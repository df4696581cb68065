using MassTransit;

namespace Tailor.Training.Consumers;

public static class ModelConsumerRegistration
{
    /// <summary>
    /// The consumers every model-owning service has in common: its catalog copy, email feedback as evidence,
    /// training on request, and forgetting an erased user. Each records in <typeparamref name="TTrainer"/>'s stream and has a queue of its own.
    /// </summary>
    public static IBusRegistrationConfigurator AddModelConsumers<TTrainer>(this IBusRegistrationConfigurator bus)
        where TTrainer : class, IModelTrainer
    {
        ArgumentNullException.ThrowIfNull(bus);
        bus.AddConsumer<CatalogItemUpsertedConsumer<TTrainer>, CatalogItemUpsertedConsumerDefinition<TTrainer>>();
        bus.AddConsumer<EmailEngagedConsumer<TTrainer>, EmailEngagedConsumerDefinition<TTrainer>>();
        bus.AddConsumer<ModelTrainingRequestedConsumer<TTrainer>, ModelTrainingRequestedConsumerDefinition<TTrainer>>();
        bus.AddConsumer<UserErasedConsumer<TTrainer>, UserErasedConsumerDefinition<TTrainer>>();
        return bus;
    }
}
