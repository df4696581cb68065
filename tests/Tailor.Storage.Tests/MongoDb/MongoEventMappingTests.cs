using System.Text.Json;
using System.Text.Json.Nodes;
using MongoDB.Bson;
using Tailor.Contracts;
using Tailor.Storage.MongoDb;

namespace Tailor.Storage.Tests.MongoDb;

public sealed class MongoEventMappingTests
{
    [Fact]
    public void ToBsonDocument_keys_the_event_by_stream_and_standard_uuid()
    {
        var stored = Stored(RetailSample.Purchases(1)[0]);

        var document = MongoEventMapping.ToBsonDocument(stored);

        var id = document["_id"].AsBsonDocument;
        Assert.Equal(["stream", "eventId"], id.Names);
        Assert.Equal("ingestion", id["stream"].AsString);
        Assert.Equal(BsonBinarySubType.UuidStandard, id["eventId"].AsBsonBinaryData.SubType);
        Assert.Equal(stored.EventId, id["eventId"].AsBsonBinaryData.ToGuid(GuidRepresentation.Standard));
    }

    [Fact]
    public void ToBsonDocument_stores_the_payload_as_a_typed_bson_document()
    {
        var purchase = RetailSample.Purchases(1)[0];

        var payload = MongoEventMapping.ToBsonDocument(Stored(purchase))["payload"].AsBsonDocument;

        Assert.Equal(purchase.ItemId, payload["itemId"].AsString);
        Assert.Equal(purchase.Quantity, payload["quantity"].ToDouble());
        Assert.Equal((double)purchase.Price!.Value, payload["price"].AsDouble);
        Assert.Equal(purchase.Properties["invoice"], payload["properties"]["invoice"].AsString);
    }

    [Fact]
    public void ToBsonDocument_keeps_a_readable_date_and_the_exact_ticks()
    {
        var purchase = RetailSample.Purchases(1)[0];
        var stored = Stored(purchase with { OccurredAt = purchase.OccurredAt.AddTicks(4321) });

        var document = MongoEventMapping.ToBsonDocument(stored);

        Assert.Equal(stored.OccurredAt.UtcTicks, document["occurredAtTicks"].AsInt64);
        Assert.Equal(stored.OccurredAt.UtcDateTime.AddTicks(-4321), document["occurredAt"].ToUniversalTime());
    }

    [Fact]
    public void FromBsonDocument_round_trips_retail_purchases()
    {
        foreach (var purchase in RetailSample.Purchases(200))
        {
            var stored = Stored(purchase);

            var read = MongoEventMapping.FromBsonDocument(MongoEventMapping.ToBsonDocument(stored));

            Assert.Equal(stored with { Payload = read.Payload }, read);
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(stored.Payload), JsonNode.Parse(read.Payload)), read.Payload);
            var message = JsonSerializer.Deserialize<UserActivityTracked>(read.Payload, StoreJson.Options)!;
            Assert.Equal((purchase.ItemName, purchase.Quantity, purchase.Price), (message.ItemName, message.Quantity, message.Price));
        }
    }

    [Fact]
    public void FromBsonDocument_round_trips_an_event_without_user()
    {
        var requested = new ModelTrainingRequested(Guid.NewGuid(), DateTimeOffset.UtcNow, "feedback threshold reached");
        var stored = new StoredEvent(
            requested.EventId, "topic", nameof(ModelTrainingRequested), null, requested.OccurredAt, JsonSerializer.Serialize(requested, StoreJson.Options));

        var document = MongoEventMapping.ToBsonDocument(stored);
        var read = MongoEventMapping.FromBsonDocument(document);

        Assert.True(document["userId"].IsBsonNull);
        Assert.Null(read.UserId);
        Assert.Equal(stored.OccurredAt, read.OccurredAt);
    }

    private static StoredEvent Stored(UserActivityTracked purchase) => new(
        purchase.EventId,
        "ingestion",
        nameof(UserActivityTracked),
        purchase.UserId,
        purchase.OccurredAt,
        JsonSerializer.Serialize(purchase, StoreJson.Options));
}
