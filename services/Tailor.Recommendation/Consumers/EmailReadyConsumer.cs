using MassTransit;
using Tailor.Contracts;
using Tailor.Messaging;
using Tailor.Recommendation.Training;
using Tailor.Storage;

namespace Tailor.Recommendation.Consumers;

/// <summary>
/// Records which items each email showed: the next training weighs down those the user then ignored. A campaign's
/// emails come by the thousand, so they are recorded a batch per transaction; a redelivered email is recorded once by
/// its event id.
/// </summary>
public sealed class EmailReadyConsumer(IEventStore events) : IConsumer<Batch<EmailReady>>
{
    public async Task Consume(ConsumeContext<Batch<EmailReady>> context)
    {
        var rejected = new List<(Guid EventId, string Problem)>();
        var shown = new List<ShownItems>(context.Message.Length);
        var occurredAt = new Dictionary<Guid, DateTimeOffset>();
        foreach (var message in context.Message.Select(entry => entry.Message))
        {
            if (string.IsNullOrWhiteSpace(message.UserId))
            {
                rejected.Add((message.EventId, "no UserId"));
                continue;
            }

            shown.Add(new ShownItems(
                message.EventId, message.UserId, message.SendAt, [.. (message.ItemIds ?? []).Where(itemId => !string.IsNullOrWhiteSpace(itemId))], message.EmailId));
            occurredAt[message.EventId] = message.OccurredAt;
        }

        await events.RecordManyAsync(RecommendationStore.Stream, shown, items => (items.EventId, items.UserId, occurredAt[items.EventId]), context.CancellationToken);
        InvalidMessageException.ThrowIfAny(nameof(EmailReady), rejected);
    }
}
