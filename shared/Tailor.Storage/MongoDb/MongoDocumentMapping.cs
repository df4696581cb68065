using MongoDB.Bson;

namespace Tailor.Storage.MongoDb;

/// <summary>
/// How a document is laid out in the <c>documents</c> collection: <c>_id</c> is the pair {collection, id} and
/// <c>value</c> the document itself as BSON (any JSON value: object, array or scalar).
/// </summary>
public static class MongoDocumentMapping
{
    public const string CollectionName = "documents";
    public const string Id = "_id";
    public const string Collection = "collection";
    public const string DocumentId = "id";
    public const string Value = "value";

    public const string CollectionPath = Id + "." + Collection;
    public const string DocumentIdPath = Id + "." + DocumentId;

    /// <summary>The <c>_id</c>; always built here so its field order, which an equality match on it depends on, never varies.</summary>
    public static BsonDocument Key(string collection, string id) => new() { { Collection, collection }, { DocumentId, id } };

    public static BsonDocument ToBsonDocument(string collection, string id, string json) =>
        new() { { Id, Key(collection, id) }, { Value, MongoJson.Parse(json) } };

    public static KeyValuePair<string, string> FromBsonDocument(BsonDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return new KeyValuePair<string, string>(document[Id][DocumentId].AsString, MongoJson.Write(document[Value]));
    }
}
