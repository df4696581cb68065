using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Tailor.Storage;

public static class EventStoreExtensions
{
    /// <summary>
    /// Records a message in the service's own stream; false means this event was already recorded,
    /// which is how consumers stay idempotent under redelivery.
    /// </summary>
    public static Task<bool> RecordAsync<TMessage>(
        this IEventStore store,
        string stream,
        Guid eventId,
        string? userId,
        DateTimeOffset occurredAt,
        TMessage message,
        CancellationToken cancellationToken = default)
    {
        return store.AppendAsync(StoredEvent.Of(stream, eventId, userId, occurredAt, message), cancellationToken);
    }

    /// <summary>Records a batch's messages in one transaction where the adapter can (see <see cref="IEventStore.AppendManyAsync"/>).</summary>
    public static Task<IReadOnlyList<bool>> RecordManyAsync<TMessage>(
        this IEventStore store,
        string stream,
        IEnumerable<TMessage> messages,
        Func<TMessage, (Guid EventId, string? UserId, DateTimeOffset OccurredAt)> describe,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(describe);
        var stored = messages
            .Select(message =>
            {
                var (eventId, userId, occurredAt) = describe(message);
                return StoredEvent.Of(stream, eventId, userId, occurredAt, message);
            })
            .ToList();
        return store.AppendManyAsync(stored, cancellationToken);
    }

    /// <summary>Reads a stream's events of one message type, deserialised.</summary>
    public static async IAsyncEnumerable<TMessage> ReadMessagesAsync<TMessage>(
        this IEventStore store,
        EventQuery query,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var typed = query with { Type = typeof(TMessage).Name };
        await foreach (var stored in store.ReadAsync(typed, cancellationToken))
        {
            yield return JsonSerializer.Deserialize<TMessage>(stored.Payload, StoreJson.Options)
                ?? throw new InvalidOperationException($"Event {stored.EventId} in '{stored.Stream}' has an empty payload.");
        }
    }
}
