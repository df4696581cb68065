using MassTransit;
using Tailor.Contracts;
using Tailor.Recommendation.Training;
using Tailor.Storage;
using Tailor.Training;

namespace Tailor.Recommendation.Consumers;

/// <summary>Trains now; the <see cref="RecommenderTrained"/> it leads to carries the request's EventId.</summary>
public sealed class ModelTrainingRequestedConsumer(IEventStore events, ModelTraining<RecommendationTrainer> training)
    : IConsumer<ModelTrainingRequested>
{
    public async Task Consume(ConsumeContext<ModelTrainingRequested> context)
    {
        var message = context.Message;
        // Recorded only after the training finished: a failed or interrupted training is retried, and answered.
        await events.HandleOnceAsync(
            RecommendationStore.Stream, message.EventId, null, message.OccurredAt, message, token => training.TrainNowAsync(message.EventId, token), context.CancellationToken);
    }
}
