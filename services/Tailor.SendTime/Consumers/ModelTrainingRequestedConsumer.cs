using MassTransit;
using Microsoft.Extensions.Logging;
using Tailor.Contracts;
using Tailor.SendTime.Learning;
using Tailor.Storage;

namespace Tailor.SendTime.Consumers;

/// <summary>
/// When models are asked to train, SendTime fits its prior strengths on the stored counts and recomputes every user's
/// slice against the current priors; the users whose best hour moved are announced.
/// </summary>
public sealed class ModelTrainingRequestedConsumer(
    IEventStore events,
    SendTimeRefresh refresh,
    ILogger<ModelTrainingRequestedConsumer> logger) : IConsumer<ModelTrainingRequested>
{
    public Task Consume(ConsumeContext<ModelTrainingRequested> context)
    {
        var request = context.Message;
        return events.HandleOnceAsync(SendTimeNames.Stream, request.EventId, null, request.OccurredAt, request, RefreshAsync, context.CancellationToken);

        async Task RefreshAsync(CancellationToken cancellationToken)
        {
            var (users, strengths, changes) = await refresh.RefreshAsync(request.EventId, cancellationToken);
            if (changes.Count > 0)
            {
                await context.PublishBatch(changes, cancellationToken);
            }

            Log.Refreshed(logger, users, changes.Count, request.EventId, strengths.Cohort, strengths.Day, strengths.Week);
        }
    }
}
