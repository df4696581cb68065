using MassTransit;
using Tailor.Contracts;
using Tailor.Messaging;
using Tailor.Recommendation.Training;
using Tailor.Storage;

namespace Tailor.Recommendation.Consumers;

/// <summary>Records which items each email showed: the next training weighs down those the user then ignored.</summary>
public sealed class EmailReadyConsumer(IEventStore events) : IConsumer<EmailReady>
{
    public async Task Consume(ConsumeContext<EmailReady> context)
    {
        var message = context.Message;
        InvalidMessageException.ThrowIfBlank(message.UserId, message.EventId);
        var shown = new ShownItems(
            message.EventId, message.UserId, message.SendAt, [.. (message.ItemIds ?? []).Where(itemId => !string.IsNullOrWhiteSpace(itemId))], message.EmailId);
        await events.RecordAsync(RecommendationStore.Stream, shown.EventId, shown.UserId, message.OccurredAt, shown, context.CancellationToken);
    }
}
