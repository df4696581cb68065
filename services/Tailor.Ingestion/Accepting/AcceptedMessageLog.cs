using System.Text.Json;
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
    /// <summary>
    /// Stores and publishes <paramref name="messages"/>; throws when the store or the bus does. All are stored before
    /// any is published, and the publishes run concurrently: each waits for the broker's confirm, and waiting for them
    /// one at a time would make a batch as slow as its length times a round trip.
    /// </summary>
    public async Task AcceptAsync(IReadOnlyList<PendingMessage> messages, CancellationToken cancellationToken)
    {
        if (messages.Count == 0)
        {
            return;
        }

        var isNew = await events.AppendManyAsync([.. messages.Select(message => message.ToStoredEvent())], cancellationToken);
        var toPublish = new List<PendingMessage>(messages.Count);
        for (var index = 0; index < messages.Count; index++)
        {
            if (!isNew[index] && await documents.GetAsync(IngestionStorage.PublishedCollection, messages[index].EventId.ToString("D"), cancellationToken) is not null)
            {
                metrics.Duplicate();
                continue;
            }

            toPublish.Add(messages[index]);
        }

        await Task.WhenAll(toPublish.Select(message => message.PublishAsync(publisher, cancellationToken)));
        var marker = JsonSerializer.Serialize(new PublishedMarker(time.GetUtcNow()), StoreJson.Options);
        await documents.UpsertManyAsync(
            IngestionStorage.PublishedCollection,
            [.. toPublish.Select(message => new KeyValuePair<string, string>(message.EventId.ToString("D"), marker))],
            cancellationToken);
        metrics.Published(toPublish.Count);
    }

    /// <summary>
    /// Erasure: forgets the user's events and the markers saying they were published (an event id is derived from the
    /// user's call, and a marker of an erased event has nothing left to guard). The markers go first: they are found
    /// through the events, so an erasure interrupted in between finds them again.
    /// </summary>
    public async Task ForgetAsync(string userId, CancellationToken cancellationToken)
    {
        var theirs = await events.ReadAsync(new EventQuery(IngestionStorage.EventStream) { UserId = userId }, cancellationToken)
            .Select(stored => stored.EventId.ToString("D"))
            .ToListAsync(cancellationToken);
        foreach (var eventId in theirs)
        {
            await documents.DeleteAsync(IngestionStorage.PublishedCollection, eventId, cancellationToken);
        }

        await events.DeleteUserAsync(userId, cancellationToken);
    }
}
