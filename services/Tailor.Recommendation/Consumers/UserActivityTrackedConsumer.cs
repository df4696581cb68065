using MassTransit;
using Tailor.Contracts;
using Tailor.Storage;

namespace Tailor.Recommendation.Consumers;

/// <summary>Records purchases and views: the evidence the next training learns from.</summary>
public sealed class UserActivityTrackedConsumer(IEventStore events) : IConsumer<UserActivityTracked>
{
    public async Task Consume(ConsumeContext<UserActivityTracked> context)
    {
        var message = context.Message;
        ArgumentException.ThrowIfNullOrWhiteSpace(message.UserId, nameof(context));
        if (message.Activity == ActivityKinds.Purchase && string.IsNullOrWhiteSpace(message.ItemId))
        {
            throw new ArgumentException($"Purchase {message.EventId} names no item.", nameof(context));
        }

        await events.RecordAsync(RecommendationStore.Stream, message.EventId, message.UserId, message.OccurredAt, message, context.CancellationToken);
    }
}
