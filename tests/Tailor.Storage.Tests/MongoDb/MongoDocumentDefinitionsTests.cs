using MongoDB.Bson;
using Tailor.Storage.MongoDb;
using static Tailor.Storage.Tests.MongoDb.MongoRendering;

namespace Tailor.Storage.Tests.MongoDb;

public sealed class MongoDocumentDefinitionsTests
{
    [Fact]
    public void One_matches_the_whole_compound_id_with_collection_first()
    {
        var rendered = Render(MongoDocumentDefinitions.One("recommendation.model", "current"));

        var expected = new BsonDocument("_id", new BsonDocument { { "collection", "recommendation.model" }, { "id", "current" } });
        Assert.Equal(expected, rendered);
        Assert.Equal(["collection", "id"], rendered["_id"].AsBsonDocument.Names);
    }

    [Fact]
    public void One_matches_the_id_that_ToBsonDocument_writes()
    {
        var filter = Render(MongoDocumentDefinitions.One("ingestion.catalog", "85123A"));

        var document = MongoDocumentMapping.ToBsonDocument("ingestion.catalog", "85123A", "{}");

        Assert.Equal(filter["_id"], document["_id"]);
    }

    [Fact]
    public void Many_matches_each_whole_compound_id_once()
    {
        var rendered = Render(MongoDocumentDefinitions.Many("sendtime.users", ["u1", "u2", "u1"]));

        BsonArray expected =
        [
            new BsonDocument { { "collection", "sendtime.users" }, { "id", "u1" } },
            new BsonDocument { { "collection", "sendtime.users" }, { "id", "u2" } },
        ];
        Assert.Equal(new BsonDocument("_id", new BsonDocument("$in", expected)), rendered);
    }

    [Fact]
    public void InCollection_filters_on_the_collection_part_of_the_id()
    {
        var rendered = Render(MongoDocumentDefinitions.InCollection("ingestion.catalog"));

        Assert.Equal(new BsonDocument("_id.collection", "ingestion.catalog"), rendered);
    }

    [Fact]
    public void ById_sorts_on_the_id_part_of_the_id()
    {
        Assert.Equal(new BsonDocument("_id.id", 1), Render(MongoDocumentDefinitions.ById));
    }

    [Fact]
    public void Indexes_cover_listing_a_collection_in_id_order()
    {
        var index = Assert.Single(MongoDocumentDefinitions.Indexes);

        Assert.Equal("collection_id", index.Options.Name);
        Assert.Equal(new BsonDocument { { "_id.collection", 1 }, { "_id.id", 1 } }, Render(index.Keys));
    }

    [Fact]
    public void OneAt_adds_the_version_and_version_0_matches_a_document_written_before_versions()
    {
        var current = Render(MongoDocumentDefinitions.OneAt("sendtime.users", "u1", 7));
        var unversioned = Render(MongoDocumentDefinitions.OneAt("sendtime.users", "u1", 0));

        Assert.Equal(new BsonInt64(7), current["version"]);
        Assert.Equal(Render(MongoDocumentDefinitions.One("sendtime.users", "u1"))["_id"], current["_id"]);
        Assert.Equal(BsonNull.Value, unversioned["version"]);
    }

    [Fact]
    public void Overwrite_sets_the_value_and_counts_the_version_up()
    {
        var rendered = Render(MongoDocumentDefinitions.Overwrite("""{"title":"Heart holder"}"""));

        Assert.Equal(new BsonDocument("value", new BsonDocument("title", "Heart holder")), rendered["$set"]);
        Assert.Equal(new BsonDocument("version", new BsonInt64(1)), rendered["$inc"]);
    }

    [Fact]
    public void A_document_reads_back_with_its_version_and_one_without_reads_as_version_0()
    {
        var written = MongoDocumentMapping.ToBsonDocument("sendtime.users", "u1", "[1,2]", version: 4);
        var unversioned = new BsonDocument(written);
        unversioned.Remove("version");

        Assert.Equal(new VersionedDocument("[1,2]", 4), MongoDocumentMapping.ToVersionedDocument(written));
        Assert.Equal(0, MongoDocumentMapping.ToVersionedDocument(unversioned).Version);
    }
}
