using System.Collections.Concurrent;
using Tailor.Ingestion.Reports;
using Tailor.Storage;

namespace Tailor.Ingestion.Tests.Reports;

/// <summary>
/// An event store that notes, when a user's events are deleted, whether their conversion ledger was still there: a
/// purchase attributed at that moment would append lines after the deletion that outlive it.
/// </summary>
internal sealed class LedgerAtEventDeletion(IEventStore inner, Func<IDocumentStore> documents) : IEventStore
{
    private readonly ConcurrentDictionary<string, bool> _ledgerFound = new(StringComparer.Ordinal);

    /// <summary>For each user whose events were deleted, whether their ledger was still stored then.</summary>
    public IReadOnlyDictionary<string, bool> LedgerFound => _ledgerFound;

    public Task<bool> AppendAsync(StoredEvent storedEvent, CancellationToken cancellationToken = default) => inner.AppendAsync(storedEvent, cancellationToken);

    public Task<IReadOnlyList<bool>> AppendManyAsync(IReadOnlyList<StoredEvent> storedEvents, CancellationToken cancellationToken = default) =>
        inner.AppendManyAsync(storedEvents, cancellationToken);

    public Task<bool> ContainsAsync(string stream, Guid eventId, CancellationToken cancellationToken = default) => inner.ContainsAsync(stream, eventId, cancellationToken);

    public IAsyncEnumerable<StoredEvent> ReadAsync(EventQuery query, CancellationToken cancellationToken = default) => inner.ReadAsync(query, cancellationToken);

    public Task<long> CountAsync(string stream, CancellationToken cancellationToken = default) => inner.CountAsync(stream, cancellationToken);

    public async Task<long> DeleteUserAsync(string userId, CancellationToken cancellationToken = default)
    {
        _ledgerFound[userId] = await documents().GetAsync(ConversionLedgers.Collection, userId, cancellationToken) is not null;
        return await inner.DeleteUserAsync(userId, cancellationToken);
    }
}
