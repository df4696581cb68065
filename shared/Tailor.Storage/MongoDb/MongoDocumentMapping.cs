using MongoDB.Bson;

namespace Tailor.Storage.MongoDb;

/// <summary>
/// How a document is laid out in the <c>documents</c> collection: <c>_id</c> is the pair {collection, id} and
/// <c>value</c> the document itself as BSON (any JSON value: object, array or scalar), <c>version</c> its version (a
/// document written before versions existed has none, and reads as version 0).
/// </summary>
public static class MongoDocumentMapping
{
    public const string CollectionName = "documents";
    public const string Id = "_id";
    public const string Collection = "collection";
    public const string DocumentId = "id";
    public const string Value = "value";
    public const string Version = "version";

    public const string CollectionPath = Id + "." + Collection;
    public const string DocumentIdPath = Id + "." + DocumentId;

    /// <summary>The <c>_id</c>; always built here so its field order, which an equality match on it depends on, never varies.</summary>
    public static BsonDocument Key(string collection, string id) => new() { { Collection, collection }, { DocumentId, id } };

    public static BsonDocument ToBsonDocument(string collection, string id, string json, long version = 1) =>
        new() { { Id, Key(collection, id) }, { Value, MongoJson.Parse(json) }, { Version, version } };

    public static VersionedDocument ToVersionedDocument(BsonDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var version = document.TryGetValue(Version, out var stored) && stored.IsNumeric ? stored.ToInt64() : 0;
        return new VersionedDocument(MongoJson.Write(document[Value]), version);
    }

    public static KeyValuePair<string, string> FromBsonDocument(BsonDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return new KeyValuePair<string, string>(document[Id][DocumentId].AsString, MongoJson.Write(document[Value]));
    }
}
