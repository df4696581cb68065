using MassTransit;
using Tailor.Contracts;
using Tailor.Recommendation.Training;
using Tailor.Storage;
using Tailor.Training;

namespace Tailor.Recommendation.Consumers;

/// <summary>
/// An operator's rollback, run while no training runs (the same gate), and once per request. Ingestion sends it as a
/// request and waits a while for the answer (rolled back, or refused), so it is sent back as well as published.
/// </summary>
public sealed class RecommenderRollbackRequestedConsumer(
    IEventStore events, ModelTraining<RecommendationTrainer> training, RecommendationRollback rollback) : IConsumer<RecommenderRollbackRequested>
{
    public async Task Consume(ConsumeContext<RecommenderRollbackRequested> context)
    {
        var message = context.Message;
        object? answer = null;
        await events.HandleOnceAsync(
            RecommendationStore.RollbackStream, message.EventId, null, message.OccurredAt, message,
            cancellationToken => training.RunExclusiveAsync(async token => answer = await rollback.RollBackAsync(message, token), cancellationToken),
            context.CancellationToken);

        // A copy of a request already handled has no answer to give: its first delivery gave it (or the requester has
        // stopped waiting, and the published event says what happened).
        if (answer is not null && context.ResponseAddress is not null)
        {
            await context.RespondAsync(answer);
        }
    }
}
