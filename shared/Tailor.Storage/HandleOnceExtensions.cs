using Tailor.Contracts;

namespace Tailor.Storage;

public static class HandleOnceExtensions
{
    /// <summary>
    /// The inbox pattern every consumer follows: skip a message this stream already handled, otherwise do the work and
    /// only then record the message. A failure before the record leaves the message unrecorded, so MassTransit's retry
    /// or redelivery does the work again instead of skipping it; the work must therefore tolerate being redone after a
    /// crash between the work and the record (upserts and publishes with stable ids do).
    /// </summary>
    /// <returns>False when the message had been handled before and nothing was done.</returns>
    public static async Task<bool> HandleOnceAsync<TMessage>(
        this IEventStore store,
        string stream,
        Guid eventId,
        string? userId,
        DateTimeOffset occurredAt,
        TMessage message,
        Func<CancellationToken, Task> work,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (await store.ContainsAsync(stream, eventId, cancellationToken))
        {
            return false;
        }

        await work(cancellationToken);
        await store.RecordAsync(stream, eventId, userId, occurredAt, message, cancellationToken);
        return true;
    }

    /// <summary>The inbox pattern (see the overload above) for a user's event, recorded under its user.</summary>
    /// <typeparam name="TEvent">The concrete contract: the record is filed under its name; passed as <see cref="IUserEvent"/> it is refused.</typeparam>
    public static Task<bool> HandleOnceAsync<TEvent>(
        this IEventStore store,
        string stream,
        TEvent userEvent,
        Func<CancellationToken, Task> work,
        CancellationToken cancellationToken = default)
        where TEvent : IUserEvent
    {
        ArgumentNullException.ThrowIfNull(userEvent);
        return store.HandleOnceAsync(stream, userEvent.EventId, userEvent.UserId, userEvent.OccurredAt, userEvent, work, cancellationToken);
    }

    /// <summary>
    /// Takes out of the lists of <paramref name="keys"/> (a batch's users, say) the items whose event this stream has
    /// recorded: under the inbox pattern a record means the message was handled. For a batch that waited long after it
    /// checked the stream (<see cref="UnhandledAsync{TMessage}"/>), its write losing races to other replicas' writes of a
    /// state that remembers only its latest events, so that the state may have forgotten events another copy counted
    /// meanwhile.
    /// </summary>
    /// <returns>The keys whose list still holds items.</returns>
    public static async Task<IReadOnlyList<string>> LeaveOutHandledAsync<TItem>(
        this IEventStore store,
        string stream,
        IReadOnlyDictionary<string, List<TItem>> itemsByKey,
        IReadOnlyCollection<string> keys,
        Func<TItem, Guid> eventId,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(itemsByKey);
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(eventId);
        var handled = await store.ContainsManyAsync(stream, [.. keys.SelectMany(key => itemsByKey[key]).Select(eventId)], cancellationToken);
        foreach (var key in keys)
        {
            itemsByKey[key].RemoveAll(item => handled.Contains(eventId(item)));
        }

        return [.. keys.Where(key => itemsByKey[key].Count > 0)];
    }

    /// <summary>
    /// The messages of a batch this stream has not handled yet, in their order (one query for the batch); record them
    /// after the work with <see cref="EventStoreExtensions.RecordManyAsync"/>.
    /// </summary>
    public static async Task<IReadOnlyList<TMessage>> UnhandledAsync<TMessage>(
        this IEventStore store,
        string stream,
        IEnumerable<TMessage> messages,
        Func<TMessage, Guid> eventId,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(eventId);
        var all = messages.ToList();
        var handled = await store.ContainsManyAsync(stream, [.. all.Select(eventId)], cancellationToken);
        var unhandled = new List<TMessage>();
        var seen = new HashSet<Guid>();
        foreach (var message in all)
        {
            var id = eventId(message);
            if (seen.Add(id) && !handled.Contains(id))
            {
                unhandled.Add(message);
            }
        }

        return unhandled;
    }
}
