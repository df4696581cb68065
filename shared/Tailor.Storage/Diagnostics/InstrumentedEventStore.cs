namespace Tailor.Storage.Diagnostics;

/// <summary>Adds a span per event-store call, so a consumer's trace shows its reads and writes on MongoDB or SQLite.</summary>
public sealed class InstrumentedEventStore(IEventStore inner, string system) : IEventStore
{
    /// <summary>The adapter underneath: what the registration chose.</summary>
    public IEventStore Inner => inner;

    public async Task<bool> AppendAsync(StoredEvent storedEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(storedEvent);
        using var activity = StorageTelemetry.Start(system, "append", storedEvent.Stream);
        return await activity.Traced(inner.AppendAsync(storedEvent, cancellationToken));
    }

    // Forwarded rather than left to the interface's default, which would append one at a time instead of in one transaction.
    public async Task<IReadOnlyList<bool>> AppendManyAsync(IReadOnlyList<StoredEvent> storedEvents, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(storedEvents);
        using var activity = StorageTelemetry.Start(system, "append_many", storedEvents.Count > 0 ? storedEvents[0].Stream : "events");
        activity?.SetTag("db.operation.batch.size", storedEvents.Count);
        return await activity.Traced(inner.AppendManyAsync(storedEvents, cancellationToken));
    }

    public async Task<bool> ContainsAsync(string stream, Guid eventId, CancellationToken cancellationToken = default)
    {
        using var activity = StorageTelemetry.Start(system, "contains", stream);
        return await activity.Traced(inner.ContainsAsync(stream, eventId, cancellationToken));
    }

    public async Task<IReadOnlySet<Guid>> ContainsManyAsync(string stream, IReadOnlyCollection<Guid> eventIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventIds);
        using var activity = StorageTelemetry.Start(system, "contains_many", stream);
        activity?.SetTag("db.operation.batch.size", eventIds.Count);
        return await activity.Traced(inner.ContainsManyAsync(stream, eventIds, cancellationToken));
    }

    // Not traced: the caller consumes the events at its own pace, so a span would time the caller, not the store.
    public IAsyncEnumerable<StoredEvent> ReadAsync(EventQuery query, CancellationToken cancellationToken = default) =>
        inner.ReadAsync(query, cancellationToken);

    public async Task<long> CountAsync(string stream, CancellationToken cancellationToken = default)
    {
        using var activity = StorageTelemetry.Start(system, "count", stream);
        return await activity.Traced(inner.CountAsync(stream, cancellationToken));
    }

    public async Task<long> DeleteUserAsync(string userId, CancellationToken cancellationToken = default)
    {
        using var activity = StorageTelemetry.Start(system, "delete_user", "events");
        return await activity.Traced(inner.DeleteUserAsync(userId, cancellationToken));
    }
}
