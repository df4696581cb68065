using MassTransit;
using Tailor.Messaging;

namespace Tailor.Training.Consumers;

public static class ModelConsumerRegistration
{
    /// <summary>
    /// The consumers every model-owning service has in common: its catalog copy, email feedback as evidence,
    /// training on request, and forgetting an erased user. Each records in <typeparamref name="TTrainer"/>'s stream and has a queue of its own.
    /// </summary>
    /// <remarks>
    /// The queues are named under the trainer's stream (<c>topic-email-engaged</c>, <c>recommendation-email-engaged</c>),
    /// the names they were first created with, so each model-owning service gets its own copy of every message.
    /// </remarks>
    public static IBusRegistrationConfigurator AddModelConsumers<TTrainer>(this IBusRegistrationConfigurator bus)
        where TTrainer : class, IModelTrainer
    {
        ArgumentNullException.ThrowIfNull(bus);
        return bus.QueuedUnder(TTrainer.Stream, model =>
        {
            model.AddConsumer<CatalogItemUpsertedConsumer<TTrainer>, CatalogItemUpsertedConsumerDefinition<TTrainer>>();
            model.AddConsumer<EmailEngagedConsumer<TTrainer>, EmailEngagedConsumerDefinition<TTrainer>>();
            model.AddConsumer<ModelTrainingRequestedConsumer<TTrainer>, ModelTrainingRequestedConsumerDefinition<TTrainer>>();
            model.AddConsumer<UserErasedConsumer<TTrainer>, UserErasedConsumerDefinition<TTrainer>>();
        });
    }
}
