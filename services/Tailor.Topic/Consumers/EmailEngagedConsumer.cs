using MassTransit;
using Tailor.Contracts;
using Tailor.Storage;

namespace Tailor.Topic.Consumers;

/// <summary>Records email feedback with the rest of the stream; it counts as new evidence for retraining.</summary>
public sealed class EmailEngagedConsumer(IEventStore events) : IConsumer<EmailEngaged>
{
    public async Task Consume(ConsumeContext<EmailEngaged> context)
    {
        var message = context.Message;
        ArgumentException.ThrowIfNullOrWhiteSpace(message.UserId, nameof(context));
        await events.RecordAsync(TopicStore.Stream, message.EventId, message.UserId, message.OccurredAt, message, context.CancellationToken);
    }
}
