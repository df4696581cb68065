using System.Collections.Concurrent;
using Tailor.Ingestion.Engagements;
using Tailor.Storage;
using Tailor.Testing;

namespace Tailor.Ingestion.Tests.Webhooks;

/// <summary>A store that records which held-engagement documents are read by id, and whether the collection is listed.</summary>
internal sealed class HeldDocumentReads(IDocumentStore inner) : DocumentStoreDecorator(inner)
{
    private readonly ConcurrentQueue<IReadOnlyCollection<string>> _reads = new();
    private int _listings;

    /// <summary>The ids of each read of held documents, in order.</summary>
    public IReadOnlyList<IReadOnlyCollection<string>> Reads => [.. _reads];

    public int Listings => _listings;

    public void Clear()
    {
        _reads.Clear();
        Interlocked.Exchange(ref _listings, 0);
    }

    public override Task<IReadOnlyDictionary<string, VersionedDocument>> GetManyVersionedAsync(
        string collection, IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default)
    {
        if (collection == EarlyEngagements.Collection)
        {
            _reads.Enqueue([.. ids]);
        }

        return base.GetManyVersionedAsync(collection, ids, cancellationToken);
    }

    public override IAsyncEnumerable<KeyValuePair<string, string>> ListAsync(string collection, CancellationToken cancellationToken = default)
    {
        if (collection == EarlyEngagements.Collection)
        {
            Interlocked.Increment(ref _listings);
        }

        return base.ListAsync(collection, cancellationToken);
    }
}
