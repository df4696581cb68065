using MassTransit;
using Tailor.Contracts;
using Tailor.Storage;

namespace Tailor.Training.Consumers;

/// <summary>Trains now; the <c>*Trained</c> event it leads to carries the request's EventId.</summary>
public sealed class ModelTrainingRequestedConsumer<TTrainer>(IEventStore events, ModelTraining<TTrainer> training)
    : IConsumer<ModelTrainingRequested>
    where TTrainer : IModelTrainer
{
    public async Task Consume(ConsumeContext<ModelTrainingRequested> context)
    {
        var message = context.Message;

        // Recorded only once the training finished: a failed or interrupted training is retried, so the request is
        // answered or faults, never silently dropped. A crash after the training and before the record trains once more.
        await events.HandleOnceAsync(
            TTrainer.Stream,
            message.EventId,
            null,
            message.OccurredAt,
            message,
            token => training.TrainNowAsync(message.EventId, token),
            context.CancellationToken);
    }
}
