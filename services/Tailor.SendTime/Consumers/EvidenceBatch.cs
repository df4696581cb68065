using MassTransit;
using Microsoft.Extensions.Logging;
using Tailor.Contracts;
using Tailor.Messaging;
using Tailor.SendTime.Learning;
using Tailor.Storage;

namespace Tailor.SendTime.Consumers;

/// <summary>
/// What both batch consumers do with their messages: skip those handled before, learn from the rest, publish the
/// changed best hours, and only then record the messages, so a failure anywhere is retried whole. The skip is not
/// what keeps evidence from being counted twice (a copy on another replica, or a redelivery after a crash before the
/// record, gets past it): each user's state remembers the events it counted (<see cref="SendTimeLearner"/>).
/// </summary>
public sealed class EvidenceBatch(IEventStore events, SendTimeLearner learner, ILogger<EvidenceBatch> logger)
{
    public async Task LearnAsync<TMessage>(
        ConsumeContext<Batch<TMessage>> context,
        Func<TMessage, SendTimeEvidence?> weigh)
        where TMessage : class, IUserEvent
    {
        var cancellationToken = context.CancellationToken;
        // Each names its user and happened in the accepted range (a stop out of it reads as now): MessageRules saw to it.
        TMessage[] messages = [.. context.Message.Select(entry => entry.Message)];
        var unhandled = await events.UnhandledAsync(SendTimeNames.Stream, messages, message => message.EventId, cancellationToken);
        var evidence = unhandled.Select(weigh).OfType<SendTimeEvidence>().ToList();
        var updates = await learner.LearnAsync(BatchId(unhandled.Select(message => message.EventId)), evidence, cancellationToken);
        if (updates.Count > 0)
        {
            await context.PublishBatch(updates, cancellationToken);
        }

        // One transaction for the batch's records, not one commit per message.
        await events.RecordManyAsync(SendTimeNames.Stream, unhandled, cancellationToken);

        Log.Learned(logger, evidence.Count, context.Message.Length, typeof(TMessage).Name, updates.Count);
    }

    /// <summary>The batch's id from its events in a fixed order: a retry of the same messages derives the same id.</summary>
    private static Guid BatchId(IEnumerable<Guid> eventIds) =>
        StableIds.From("tailor.sendtime.batch", [.. eventIds.Order().Select(eventId => eventId.ToString("D"))]);
}
