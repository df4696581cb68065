using MassTransit;
using Microsoft.Extensions.Logging;
using Tailor.Contracts;
using Tailor.SendTime.Learning;
using Tailor.Storage;

namespace Tailor.SendTime.Consumers;

/// <summary>
/// SendTime's model is its population prior: when models are asked to train, every user's slice is recomputed
/// against the current population, and the users whose best hour moved are announced.
/// </summary>
public sealed class ModelTrainingRequestedConsumer(
    IEventStore events,
    SendTimeLearner learner,
    ILogger<ModelTrainingRequestedConsumer> logger) : IConsumer<ModelTrainingRequested>
{
    public Task Consume(ConsumeContext<ModelTrainingRequested> context)
    {
        var request = context.Message;
        return events.HandleOnceAsync(SendTimeNames.Stream, request.EventId, null, request.OccurredAt, request, RefreshAsync, context.CancellationToken);

        async Task RefreshAsync(CancellationToken cancellationToken)
        {
            var (users, changes) = await learner.RefreshAsync(request.EventId, cancellationToken);
            if (changes.Count > 0)
            {
                await context.PublishBatch(changes, cancellationToken);
            }

            Log.Refreshed(logger, users, changes.Count, request.EventId);
        }
    }
}
