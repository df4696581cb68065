using MongoDB.Bson;
using MongoDB.Driver;

namespace Tailor.Storage.MongoDb;

/// <summary>The filters, sort and indexes of the <c>documents</c> collection, renderable without a server.</summary>
public static class MongoDocumentDefinitions
{
    private static readonly FilterDefinitionBuilder<BsonDocument> Filter = Builders<BsonDocument>.Filter;

    public static SortDefinition<BsonDocument> ById { get; } = Builders<BsonDocument>.Sort.Ascending(MongoDocumentMapping.DocumentIdPath);

    /// <summary>Serves listing a collection in id order; the built-in <c>_id</c> index only serves whole-key matches.</summary>
    public static IndexKeysDefinition<BsonDocument> CollectionIndexKeys { get; } = Builders<BsonDocument>.IndexKeys
        .Ascending(MongoDocumentMapping.CollectionPath)
        .Ascending(MongoDocumentMapping.DocumentIdPath);

    public static IReadOnlyList<CreateIndexModel<BsonDocument>> Indexes { get; } =
    [
        new(CollectionIndexKeys, new CreateIndexOptions { Name = "collection_id" }),
    ];

    public static FilterDefinition<BsonDocument> One(string collection, string id) =>
        Filter.Eq(MongoDocumentMapping.Id, MongoDocumentMapping.Key(collection, id));

    /// <summary>The documents of <paramref name="ids"/>: one <c>$in</c> on the whole <c>_id</c>, served by the built-in index.</summary>
    public static FilterDefinition<BsonDocument> Many(string collection, IEnumerable<string> ids) =>
        Filter.In(MongoDocumentMapping.Id, ids.Distinct(StringComparer.Ordinal).Select(id => MongoDocumentMapping.Key(collection, id)));

    /// <summary>
    /// The document while it still has <paramref name="version"/>; version 0 matches a document written before versions
    /// existed (an equality on null matches a missing field).
    /// </summary>
    public static FilterDefinition<BsonDocument> OneAt(string collection, string id, long version) =>
        Filter.And(
            One(collection, id),
            version == 0 ? Filter.Eq(MongoDocumentMapping.Version, BsonNull.Value) : Filter.Eq(MongoDocumentMapping.Version, version));

    /// <summary>The unconditional write: the new value and one more version, inserting at version 1.</summary>
    public static UpdateDefinition<BsonDocument> Overwrite(string json) =>
        Builders<BsonDocument>.Update.Set(MongoDocumentMapping.Value, MongoJson.Parse(json)).Inc(MongoDocumentMapping.Version, 1L);

    public static FilterDefinition<BsonDocument> InCollection(string collection) =>
        Filter.Eq(MongoDocumentMapping.CollectionPath, collection);
}
