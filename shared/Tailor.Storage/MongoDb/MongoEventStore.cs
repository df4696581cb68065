using System.Runtime.CompilerServices;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Tailor.Storage.MongoDb;

/// <summary>The distributed event store: collection <c>events</c>, indexes created on first use.</summary>
public sealed class MongoEventStore : IEventStore
{
    private readonly IMongoCollection<BsonDocument> _events;
    private readonly RetryableOnce _indexes;

    public MongoEventStore(IMongoDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _events = database.GetCollection<BsonDocument>(MongoEventMapping.CollectionName);
        _indexes = new RetryableOnce(token => _events.Indexes.CreateManyAsync(MongoEventDefinitions.Indexes, token));
    }

    public async Task<bool> AppendAsync(StoredEvent storedEvent, CancellationToken cancellationToken = default)
    {
        EventQueryRules.Validate(storedEvent);
        await _indexes.RunAsync(cancellationToken);
        try
        {
            await _events.InsertOneAsync(MongoEventMapping.ToBsonDocument(storedEvent), cancellationToken: cancellationToken);
            return true;
        }
        catch (MongoWriteException exception) when (exception.WriteError.Category == ServerErrorCategory.DuplicateKey)
        {
            return false;
        }
    }

    /// <summary>
    /// Every event its own insert, all in flight at once (the driver spreads them over its connection pool) rather than
    /// one after another; an event given twice in the batch is appended by its first occurrence, as in order.
    /// </summary>
    public async Task<IReadOnlyList<bool>> AppendManyAsync(IReadOnlyList<StoredEvent> storedEvents, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(storedEvents);
        var seen = new HashSet<(string Stream, Guid EventId)>();
        var firsts = storedEvents.Select(storedEvent => seen.Add((storedEvent.Stream, storedEvent.EventId))).ToList();
        return await Task.WhenAll(storedEvents.Select((storedEvent, index) => firsts[index] ? AppendAsync(storedEvent, cancellationToken) : Task.FromResult(false)));
    }

    public async IAsyncEnumerable<StoredEvent> ReadAsync(
        EventQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        EventQueryRules.Validate(query);
        await _indexes.RunAsync(cancellationToken);
        var find = _events.Find(MongoEventDefinitions.Matching(query)).Sort(MongoEventDefinitions.Order);
        if (query.Limit is { } limit)
        {
            find = find.Limit(limit);
        }

        using var cursor = await find.ToCursorAsync(cancellationToken);
        while (await cursor.MoveNextAsync(cancellationToken))
        {
            foreach (var document in cursor.Current)
            {
                yield return MongoEventMapping.FromBsonDocument(document);
            }
        }
    }

    public async Task<bool> ContainsAsync(string stream, Guid eventId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(stream);
        await _indexes.RunAsync(cancellationToken);
        return await _events.Find(MongoEventDefinitions.ById(stream, eventId)).Limit(1).AnyAsync(cancellationToken);
    }

    public async Task<IReadOnlySet<Guid>> ContainsManyAsync(string stream, IReadOnlyCollection<Guid> eventIds, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(stream);
        ArgumentNullException.ThrowIfNull(eventIds);
        var held = new HashSet<Guid>();
        if (eventIds.Count == 0)
        {
            return held;
        }

        await _indexes.RunAsync(cancellationToken);
        using var cursor = await _events
            .Find(MongoEventDefinitions.ByIds(stream, eventIds))
            .Project(MongoEventDefinitions.IdOnly)
            .ToCursorAsync(cancellationToken);
        while (await cursor.MoveNextAsync(cancellationToken))
        {
            foreach (var document in cursor.Current)
            {
                held.Add(MongoEventMapping.EventIdOf(document));
            }
        }

        return held;
    }

    public async Task<long> CountAsync(string stream, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(stream);
        await _indexes.RunAsync(cancellationToken);
        return await _events.CountDocumentsAsync(MongoEventDefinitions.InStream(stream), cancellationToken: cancellationToken);
    }

    public async Task<long> DeleteUserAsync(string userId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        await _indexes.RunAsync(cancellationToken);
        var result = await _events.DeleteManyAsync(MongoEventDefinitions.OfUser(userId), cancellationToken);
        return result.DeletedCount;
    }
}
