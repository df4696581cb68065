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
    /// Takes out of each list the items whose event this stream has recorded: under the inbox pattern a record means the
    /// work was done. For a batch that waited long after its <see cref="UnhandledAsync{TMessage}"/> check (its write
    /// kept losing to other replicas' writes of the same state) and whose state may have forgotten the events it counted.
    /// </summary>
    public static async Task LeaveOutHandledAsync<TItem>(
        this IEventStore store,
        string stream,
        IReadOnlyCollection<List<TItem>> lists,
        Func<TItem, Guid> eventId,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(lists);
        ArgumentNullException.ThrowIfNull(eventId);
        var handled = await store.ContainsManyAsync(stream, [.. lists.SelectMany(list => list).Select(eventId)], cancellationToken);
        foreach (var list in lists)
        {
            list.RemoveAll(item => handled.Contains(eventId(item)));
        }
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
