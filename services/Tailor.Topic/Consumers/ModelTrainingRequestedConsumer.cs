using MassTransit;
using Tailor.Contracts;
using Tailor.Storage;
using Tailor.Topic.Training;
using Tailor.Training;

namespace Tailor.Topic.Consumers;

/// <summary>Trains now; the <see cref="TopicModelTrained"/> it leads to carries the request's EventId.</summary>
public sealed class ModelTrainingRequestedConsumer(IEventStore events, ModelTraining<TopicTrainer> training)
    : IConsumer<ModelTrainingRequested>
{
    public async Task Consume(ConsumeContext<ModelTrainingRequested> context)
    {
        var message = context.Message;
        // Recorded only after the training finished: a failed or interrupted training is retried, and answered.
        await events.HandleOnceAsync(
            TopicStore.Stream, message.EventId, null, message.OccurredAt, message, token => training.TrainNowAsync(message.EventId, token), context.CancellationToken);
    }
}
