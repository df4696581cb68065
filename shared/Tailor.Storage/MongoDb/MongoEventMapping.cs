using MongoDB.Bson;

namespace Tailor.Storage.MongoDb;

/// <summary>
/// How a <see cref="StoredEvent"/> is laid out in the <c>events</c> collection. The <c>_id</c> is the pair
/// {stream, eventId}, so the server itself rejects a second append of the same event.
/// </summary>
public static class MongoEventMapping
{
    public const string CollectionName = "events";
    public const string Id = "_id";
    public const string Stream = "stream";
    public const string EventId = "eventId";
    public const string Type = "type";
    public const string UserId = "userId";
    public const string OccurredAt = "occurredAt";
    public const string OccurredAtTicks = "occurredAtTicks";
    public const string Payload = "payload";

    /// <summary>Dotted paths of the <c>_id</c> parts, for filters, sorts and indexes.</summary>
    public const string StreamPath = Id + "." + Stream;
    public const string EventIdPath = Id + "." + EventId;

    /// <summary>The compound <c>_id</c> {stream, eventId}; field order matters to MongoDB's equality on documents.</summary>
    public static BsonDocument IdOf(string stream, Guid eventId) =>
        new() { { Stream, stream }, { EventId, ToBson(eventId) } };

    public static BsonDocument ToBsonDocument(StoredEvent storedEvent)
    {
        ArgumentNullException.ThrowIfNull(storedEvent);
        return new BsonDocument
        {
            { Id, IdOf(storedEvent.Stream, storedEvent.EventId) },
            { Type, storedEvent.Type },
            { UserId, storedEvent.UserId is null ? BsonNull.Value : new BsonString(storedEvent.UserId) },

            // A BSON date keeps only milliseconds: it is there for people and tools; order and filters use the ticks,
            // which keep full precision and so agree with the SQLite store.
            { OccurredAt, new BsonDateTime(storedEvent.OccurredAt.UtcDateTime) },
            { OccurredAtTicks, storedEvent.OccurredAt.UtcTicks },
            { Payload, MongoJson.Parse(storedEvent.Payload) },
        };
    }

    public static StoredEvent FromBsonDocument(BsonDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var id = document[Id].AsBsonDocument;
        var userId = document.GetValue(UserId, BsonNull.Value);
        return new StoredEvent(
            EventIdOf(document),
            id[Stream].AsString,
            document[Type].AsString,
            userId.IsBsonNull ? null : userId.AsString,
            new DateTimeOffset(document[OccurredAtTicks].AsInt64, TimeSpan.Zero),
            MongoJson.Write(document[Payload]));
    }

    /// <summary>The event id of a stored event (or of its projection to <c>_id</c>).</summary>
    public static Guid EventIdOf(BsonDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return document[Id][EventId].AsBsonBinaryData.ToGuid(GuidRepresentation.Standard);
    }

    /// <summary>A standard (subtype 4) UUID, whose bytes compare in the same order as its text.</summary>
    public static BsonBinaryData ToBson(Guid eventId) => new(eventId, GuidRepresentation.Standard);
}
