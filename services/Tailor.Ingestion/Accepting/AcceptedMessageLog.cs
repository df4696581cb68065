using MassTransit;
using Tailor.Storage;

namespace Tailor.Ingestion.Accepting;

/// <summary>
/// "Stored, then published": each message goes into the event log first, then onto the bus, then is marked as
/// published. A duplicate that was already published is acknowledged and not sent again; one that was stored but
/// whose publish failed (the caller got a 503 and retried) is published now, so a retry can never turn a lost
/// publish into a 2xx.
/// </summary>
internal sealed class AcceptedMessageLog(
    IEventStore events,
    IDocumentStore documents,
    IPublishEndpoint publisher,
    IngestionMetrics metrics,
    TimeProvider time)
{
    /// <summary>Stores and publishes <paramref name="messages"/> in order; throws when the store or the bus does.</summary>
    public async Task AcceptAsync(IReadOnlyList<PendingMessage> messages, CancellationToken cancellationToken)
    {
        foreach (var message in messages)
        {
            var isNew = await message.RecordAsync(events, cancellationToken);
            var id = message.EventId.ToString("D");
            if (!isNew && await documents.GetAsync(IngestionStorage.PublishedCollection, id, cancellationToken) is not null)
            {
                metrics.Duplicate();
                continue;
            }

            await message.PublishAsync(publisher, cancellationToken);
            await documents.PutAsync(IngestionStorage.PublishedCollection, id, new PublishedMarker(time.GetUtcNow()), cancellationToken);
            metrics.Published();
        }
    }
}
