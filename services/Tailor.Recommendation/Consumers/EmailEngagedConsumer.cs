using MassTransit;
using Tailor.Contracts;
using Tailor.Storage;

namespace Tailor.Recommendation.Consumers;

/// <summary>Records email feedback; a person's click on an item counts as an interaction in the next training.</summary>
public sealed class EmailEngagedConsumer(IEventStore events) : IConsumer<EmailEngaged>
{
    public async Task Consume(ConsumeContext<EmailEngaged> context)
    {
        var message = context.Message;
        ArgumentException.ThrowIfNullOrWhiteSpace(message.UserId, nameof(context));
        await events.RecordAsync(RecommendationStore.Stream, message.EventId, message.UserId, message.OccurredAt, message, context.CancellationToken);
    }
}
