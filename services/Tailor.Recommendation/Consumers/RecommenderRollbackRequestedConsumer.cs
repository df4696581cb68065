using MassTransit;
using Tailor.Contracts;
using Tailor.Recommendation.Training;
using Tailor.Storage;
using Tailor.Training;

namespace Tailor.Recommendation.Consumers;

/// <summary>An operator's rollback, run while no training runs (the same gate), and once per request.</summary>
public sealed class RecommenderRollbackRequestedConsumer(
    IEventStore events, ModelTraining<RecommendationTrainer> training, RecommendationRollback rollback) : IConsumer<RecommenderRollbackRequested>
{
    public async Task Consume(ConsumeContext<RecommenderRollbackRequested> context)
    {
        var message = context.Message;
        await events.HandleOnceAsync(
            RecommendationStore.RollbackStream, message.EventId, null, message.OccurredAt, message,
            cancellationToken => training.RunExclusiveAsync(token => rollback.RollBackAsync(message.EventId, token), cancellationToken),
            context.CancellationToken);
    }
}
