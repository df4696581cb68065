using MassTransit;
using Tailor.Contracts;
using Tailor.Storage;
using Tailor.Messaging;

namespace Tailor.Topic.Consumers;

/// <summary>Records email feedback with the rest of the stream; it counts as new evidence for retraining.</summary>
public sealed class EmailEngagedConsumer(IEventStore events) : IConsumer<EmailEngaged>
{
    public async Task Consume(ConsumeContext<EmailEngaged> context)
    {
        var message = context.Message;
        InvalidMessageException.ThrowIfBlank(message.UserId, message.EventId);
        await events.RecordAsync(TopicStore.Stream, message.EventId, message.UserId, message.OccurredAt, message, context.CancellationToken);
    }
}
