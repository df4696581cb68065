using MassTransit;
using Tailor.Contracts;
using Tailor.Messaging;
using Tailor.Storage;

namespace Tailor.Topic.Consumers;

/// <summary>Records what users bought, viewed and wrote: the words of the next training's documents.</summary>
public sealed class UserActivityTrackedConsumer(IEventStore events) : IConsumer<UserActivityTracked>
{
    public async Task Consume(ConsumeContext<UserActivityTracked> context)
    {
        var message = context.Message;
        InvalidMessageException.ThrowIfBlank(message.UserId, message.EventId);
        await events.RecordAsync(TopicStore.Stream, message.EventId, message.UserId, message.OccurredAt, message, context.CancellationToken);
    }
}
