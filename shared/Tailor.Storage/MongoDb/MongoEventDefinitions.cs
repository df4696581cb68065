using MongoDB.Bson;
using MongoDB.Driver;

namespace Tailor.Storage.MongoDb;

/// <summary>The filters, sort and indexes of the <c>events</c> collection, kept apart so they can be rendered and checked without a server.</summary>
public static class MongoEventDefinitions
{
    private static readonly FilterDefinitionBuilder<BsonDocument> Filter = Builders<BsonDocument>.Filter;
    private static readonly SortDefinitionBuilder<BsonDocument> Sort = Builders<BsonDocument>.Sort;
    private static readonly IndexKeysDefinitionBuilder<BsonDocument> Keys = Builders<BsonDocument>.IndexKeys;

    /// <summary>The order every read returns: time, then event id (as the SQLite store does).</summary>
    public static SortDefinition<BsonDocument> Order { get; } =
        Sort.Ascending(MongoEventMapping.OccurredAtTicks).Ascending(MongoEventMapping.EventIdPath);

    /// <summary>Serves every read of a stream (filter on stream, then time order) and the stream counts.</summary>
    public static IndexKeysDefinition<BsonDocument> StreamTimeIndexKeys { get; } = Keys
        .Ascending(MongoEventMapping.StreamPath)
        .Ascending(MongoEventMapping.OccurredAtTicks)
        .Ascending(MongoEventMapping.EventIdPath);

    /// <summary>Serves erasure, which deletes a user's events across every stream.</summary>
    public static IndexKeysDefinition<BsonDocument> UserIndexKeys { get; } = Keys.Ascending(MongoEventMapping.UserId);

    public static IReadOnlyList<CreateIndexModel<BsonDocument>> Indexes { get; } =
    [
        new(StreamTimeIndexKeys, new CreateIndexOptions { Name = "stream_time" }),
        new(UserIndexKeys, new CreateIndexOptions { Name = "user" }),
    ];

    public static FilterDefinition<BsonDocument> InStream(string stream) => Filter.Eq(MongoEventMapping.StreamPath, stream);

    /// <summary>The one event with this id in this stream, by its whole <c>_id</c> (the primary key).</summary>
    public static FilterDefinition<BsonDocument> ById(string stream, Guid eventId) =>
        Filter.Eq(MongoEventMapping.Id, MongoEventMapping.IdOf(stream, eventId));

    /// <summary>The events with these ids in this stream, by their whole <c>_id</c> (served by the primary key).</summary>
    public static FilterDefinition<BsonDocument> ByIds(string stream, IEnumerable<Guid> eventIds) =>
        Filter.In(MongoEventMapping.Id, eventIds.Distinct().Select(eventId => MongoEventMapping.IdOf(stream, eventId)));

    /// <summary>Only the <c>_id</c> of each event: what a duplicate check needs.</summary>
    public static ProjectionDefinition<BsonDocument> IdOnly { get; } = Builders<BsonDocument>.Projection.Include(MongoEventMapping.Id);

    public static FilterDefinition<BsonDocument> OfUser(string userId) => Filter.Eq(MongoEventMapping.UserId, userId);

    public static FilterDefinition<BsonDocument> Matching(EventQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var filter = InStream(query.Stream);
        if (query.UserId is not null)
        {
            filter &= OfUser(query.UserId);
        }

        if (query.Type is not null)
        {
            filter &= Filter.Eq(MongoEventMapping.Type, query.Type);
        }

        if (query.Since is { } since)
        {
            filter &= Filter.Gte(MongoEventMapping.OccurredAtTicks, since.UtcTicks);
        }

        return filter;
    }
}
