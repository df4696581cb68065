using MassTransit;
using Tailor.Contracts;
using Tailor.Messaging;
using Tailor.Storage;

namespace Tailor.Recommendation.Consumers;

/// <summary>Records purchases and views: the evidence the next training learns from.</summary>
public sealed class UserActivityTrackedConsumer(IEventStore events) : IConsumer<UserActivityTracked>
{
    public async Task Consume(ConsumeContext<UserActivityTracked> context)
    {
        var message = context.Message;
        InvalidMessageException.ThrowIfBlank(message.UserId, message.EventId);
        if (message.Activity == ActivityKinds.Purchase && string.IsNullOrWhiteSpace(message.ItemId))
        {
            throw new InvalidMessageException($"Purchase {message.EventId} names no item.");
        }

        await events.RecordAsync(RecommendationStore.Stream, message.EventId, message.UserId, message.OccurredAt, message, context.CancellationToken);
    }
}
