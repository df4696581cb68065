namespace Tailor.Storage;

/// <summary>An append-only, idempotent log of events per stream.</summary>
public interface IEventStore
{
    /// <summary>Appends the event; returns false (and changes nothing) when its <c>EventId</c> is already in the stream.</summary>
    Task<bool> AppendAsync(StoredEvent storedEvent, CancellationToken cancellationToken = default);

    /// <summary>
    /// Appends the events in order; for each, whether it was new. The default appends one at a time; an adapter that
    /// can write them in one transaction does, which is what makes a batch of a thousand events one commit.
    /// </summary>
    async Task<IReadOnlyList<bool>> AppendManyAsync(IReadOnlyList<StoredEvent> storedEvents, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(storedEvents);
        var isNew = new bool[storedEvents.Count];
        for (var index = 0; index < storedEvents.Count; index++)
        {
            isNew[index] = await AppendAsync(storedEvents[index], cancellationToken);
        }

        return isNew;
    }

    /// <summary>Whether the stream already holds this event: how a consumer knows it has handled a message before.</summary>
    Task<bool> ContainsAsync(string stream, Guid eventId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Which of <paramref name="eventIds"/> the stream already holds: how a batch consumer finds its duplicates in one
    /// query instead of one per message. The default asks one at a time.
    /// </summary>
    async Task<IReadOnlySet<Guid>> ContainsManyAsync(string stream, IReadOnlyCollection<Guid> eventIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventIds);
        var held = new HashSet<Guid>();
        foreach (var eventId in eventIds)
        {
            if (await ContainsAsync(stream, eventId, cancellationToken))
            {
                held.Add(eventId);
            }
        }

        return held;
    }

    IAsyncEnumerable<StoredEvent> ReadAsync(EventQuery query, CancellationToken cancellationToken = default);

    Task<long> CountAsync(string stream, CancellationToken cancellationToken = default);

    /// <summary>Removes every event of the user from every stream (erasure); returns how many were removed.</summary>
    Task<long> DeleteUserAsync(string userId, CancellationToken cancellationToken = default);
}
