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

    public static FilterDefinition<BsonDocument> InCollection(string collection) =>
        Filter.Eq(MongoDocumentMapping.CollectionPath, collection);
}
