using MassTransit;
using Tailor.Contracts;
using Tailor.Ingestion.Accepting;
using Tailor.Ingestion.Contacts;
using Tailor.Storage;
using Tailor.Messaging;

namespace Tailor.Ingestion.Consumers;

/// <summary>Records every engagement; unsubscribes, complaints and hard bounces withdraw consent, a resubscribe gives it back.</summary>
internal sealed class EmailEngagedConsumer(IEventStore events, ContactBook contacts) : IConsumer<EmailEngaged>
{
    public async Task Consume(ConsumeContext<EmailEngaged> context)
    {
        var engaged = context.Message;
        if (string.IsNullOrWhiteSpace(engaged.UserId))
        {
            throw new InvalidMessageException($"EmailEngaged {engaged.EventId} names no user.");
        }

        await events.RecordAsync(IngestionStorage.EventStream, engaged.EventId, engaged.UserId, engaged.OccurredAt, engaged, context.CancellationToken);

        // Applied even when the event was already recorded: if the consent write failed after the record, the
        // redelivery must still make it. Applying the same engagement twice has one effect (consent keeps its time).
        await contacts.ApplyAsync(engaged, context.CancellationToken);
    }
}
