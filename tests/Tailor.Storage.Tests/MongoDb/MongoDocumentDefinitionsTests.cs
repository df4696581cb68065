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
}
