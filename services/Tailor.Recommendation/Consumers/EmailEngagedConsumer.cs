using MassTransit;
using Tailor.Contracts;
using Tailor.Storage;
using Tailor.Messaging;

namespace Tailor.Recommendation.Consumers;

/// <summary>Records email feedback; a person's click on an item counts as an interaction in the next training.</summary>
public sealed class EmailEngagedConsumer(IEventStore events) : IConsumer<EmailEngaged>
{
    public async Task Consume(ConsumeContext<EmailEngaged> context)
    {
        var message = context.Message;
        InvalidMessageException.ThrowIfBlank(message.UserId, message.EventId);
        await events.RecordAsync(RecommendationStore.Stream, message.EventId, message.UserId, message.OccurredAt, message, context.CancellationToken);
    }
}
