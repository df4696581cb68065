using System.Runtime.CompilerServices;
using System.Text.Json;
using Tailor.Contracts;

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

    /// <summary>Records a user's event in the service's own stream, filed under its user; false when it was already recorded.</summary>
    /// <typeparam name="TEvent">The concrete contract: the record is filed under its name; passed as <see cref="IUserEvent"/> it is refused.</typeparam>
    public static Task<bool> RecordAsync<TEvent>(
        this IEventStore store,
        string stream,
        TEvent userEvent,
        CancellationToken cancellationToken = default)
        where TEvent : IUserEvent
    {
        ArgumentNullException.ThrowIfNull(userEvent);
        return store.RecordAsync(stream, userEvent.EventId, userEvent.UserId, userEvent.OccurredAt, userEvent, cancellationToken);
    }

    /// <summary>Records a batch of users' events in one transaction where the adapter can (see <see cref="IEventStore.AppendManyAsync"/>).</summary>
    public static Task<IReadOnlyList<bool>> RecordManyAsync<TEvent>(
        this IEventStore store,
        string stream,
        IEnumerable<TEvent> userEvents,
        CancellationToken cancellationToken = default)
        where TEvent : IUserEvent
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(userEvents);
        var stored = userEvents
            .Select(userEvent => StoredEvent.Of(stream, userEvent.EventId, userEvent.UserId, userEvent.OccurredAt, userEvent))
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
