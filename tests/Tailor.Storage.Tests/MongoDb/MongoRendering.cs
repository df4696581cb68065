using MongoDB.Bson;
using MongoDB.Bson.Serialization;
using MongoDB.Bson.Serialization.Serializers;
using MongoDB.Driver;

namespace Tailor.Storage.Tests.MongoDb;

/// <summary>Renders driver definitions to the BSON the server would receive, with no server.</summary>
internal static class MongoRendering
{
    private static readonly RenderArgs<BsonDocument> Args = new(BsonDocumentSerializer.Instance, BsonSerializer.SerializerRegistry);

    public static BsonDocument Render(FilterDefinition<BsonDocument> filter) => filter.Render(Args);

    public static BsonDocument Render(SortDefinition<BsonDocument> sort) => sort.Render(Args);

    public static BsonDocument Render(UpdateDefinition<BsonDocument> update) => update.Render(Args).AsBsonDocument;

    public static BsonDocument Render(IndexKeysDefinition<BsonDocument> keys) => keys.Render(Args);
}
