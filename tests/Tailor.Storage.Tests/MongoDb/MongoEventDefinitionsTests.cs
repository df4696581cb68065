using MongoDB.Bson;
using Tailor.Storage.MongoDb;
using static Tailor.Storage.Tests.MongoDb.MongoRendering;

namespace Tailor.Storage.Tests.MongoDb;

public sealed class MongoEventDefinitionsTests
{
    private static readonly DateTimeOffset Since = new(2010, 12, 1, 8, 26, 0, TimeSpan.Zero);

    [Fact]
    public void Matching_stream_only_filters_on_the_stream_part_of_the_id()
    {
        var rendered = Render(MongoEventDefinitions.Matching(new EventQuery("ingestion")));

        Assert.Equal(new BsonDocument("_id.stream", "ingestion"), rendered);
    }

    [Fact]
    public void ById_matches_the_whole_compound_id_as_the_mapping_writes_it()
    {
        var eventId = Guid.Parse("0b5e1a52-6f1c-4c36-a0f0-1b4f3f0c2d11");

        var rendered = Render(MongoEventDefinitions.ById("ingestion", eventId));

        var written = MongoEventMapping.ToBsonDocument(new StoredEvent(eventId, "ingestion", "T", null, Since, "{}"))["_id"];
        Assert.Equal(new BsonDocument("_id", written), rendered);
        Assert.Equal(BsonBinarySubType.UuidStandard, written["eventId"].AsBsonBinaryData.SubType);
    }

    [Fact]
    public void ByIds_matches_whole_compound_ids_once_each()
    {
        var first = Guid.Parse("0b5e1a52-6f1c-4c36-a0f0-1b4f3f0c2d11");
        var second = Guid.Parse("7c9e6679-7425-40de-944b-e07fc1f90ae7");

        var rendered = Render(MongoEventDefinitions.ByIds("ingestion", [first, second, first]));

        var ids = rendered["_id"]["$in"].AsBsonArray;
        Assert.Equal([MongoEventMapping.IdOf("ingestion", first), MongoEventMapping.IdOf("ingestion", second)], ids.Select(id => id.AsBsonDocument));
    }

    [Fact]
    public void Matching_user_adds_an_equality_on_user_id()
    {
        var rendered = Render(MongoEventDefinitions.Matching(new EventQuery("ingestion") { UserId = "17850" }));

        Assert.Equal(new BsonDocument { { "_id.stream", "ingestion" }, { "userId", "17850" } }, rendered);
    }

    [Fact]
    public void Matching_type_adds_an_equality_on_type()
    {
        var rendered = Render(MongoEventDefinitions.Matching(new EventQuery("ingestion") { Type = "EmailEngaged" }));

        Assert.Equal(new BsonDocument { { "_id.stream", "ingestion" }, { "type", "EmailEngaged" } }, rendered);
    }

    [Fact]
    public void Matching_since_is_an_inclusive_bound_on_utc_ticks()
    {
        var local = Since.ToOffset(TimeSpan.FromHours(1));

        var rendered = Render(MongoEventDefinitions.Matching(new EventQuery("ingestion") { Since = local }));

        var expected = new BsonDocument
        {
            { "_id.stream", "ingestion" },
            { "occurredAtTicks", new BsonDocument("$gte", new BsonInt64(Since.UtcTicks)) },
        };
        Assert.Equal(expected, rendered);
    }

    [Fact]
    public void Matching_every_filter_combines_them_in_one_document()
    {
        var query = new EventQuery("sendtime") { UserId = "17850", Type = "EmailEngaged", Since = Since, Limit = 5 };

        var rendered = Render(MongoEventDefinitions.Matching(query));

        var expected = new BsonDocument
        {
            { "_id.stream", "sendtime" },
            { "userId", "17850" },
            { "type", "EmailEngaged" },
            { "occurredAtTicks", new BsonDocument("$gte", new BsonInt64(Since.UtcTicks)) },
        };
        Assert.Equal(expected, rendered);
    }

    [Fact]
    public void OfUser_filters_on_user_id_in_every_stream()
    {
        Assert.Equal(new BsonDocument("userId", "17850"), Render(MongoEventDefinitions.OfUser("17850")));
    }

    [Fact]
    public void Order_is_time_then_event_id_ascending()
    {
        var rendered = Render(MongoEventDefinitions.Order);

        Assert.Equal(new BsonDocument { { "occurredAtTicks", 1 }, { "_id.eventId", 1 } }, rendered);
    }

    [Fact]
    public void Indexes_cover_stream_reads_in_order_and_erasure_by_user()
    {
        var indexes = MongoEventDefinitions.Indexes
            .Select(index => (index.Options.Name, Keys: Render(index.Keys)))
            .ToList();

        Assert.Equal(
            [
                ("stream_time", new BsonDocument { { "_id.stream", 1 }, { "occurredAtTicks", 1 }, { "_id.eventId", 1 } }),
                ("user", new BsonDocument("userId", 1)),
            ],
            indexes);
    }
}
