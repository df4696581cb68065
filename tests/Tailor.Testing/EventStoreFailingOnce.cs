using Tailor.Storage;

namespace Tailor.Testing;

/// <summary>An event store whose first append to <paramref name="failingStream"/> fails, as a busy database would.</summary>
public sealed class EventStoreFailingOnce(IEventStore inner, string failingStream) : IEventStore
{
    private int _appends;

    public bool Failed => Volatile.Read(ref _appends) > 0;

    public Task<bool> AppendAsync(StoredEvent storedEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(storedEvent);
        return storedEvent.Stream == failingStream && Interlocked.Increment(ref _appends) == 1
            ? Task.FromException<bool>(new InjectedFailure("event store"))
            : inner.AppendAsync(storedEvent, cancellationToken);
    }

    public Task<bool> ContainsAsync(string stream, Guid eventId, CancellationToken cancellationToken = default) =>
        inner.ContainsAsync(stream, eventId, cancellationToken);

    public IAsyncEnumerable<StoredEvent> ReadAsync(EventQuery query, CancellationToken cancellationToken = default) =>
        inner.ReadAsync(query, cancellationToken);

    public Task<long> CountAsync(string stream, CancellationToken cancellationToken = default) =>
        inner.CountAsync(stream, cancellationToken);

    public Task<long> DeleteUserAsync(string userId, CancellationToken cancellationToken = default) =>
        inner.DeleteUserAsync(userId, cancellationToken);
}
