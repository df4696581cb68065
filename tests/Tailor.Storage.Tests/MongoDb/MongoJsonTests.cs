using System.Text.Json;
using System.Text.Json.Nodes;
using MongoDB.Bson;
using Tailor.Storage.MongoDb;

namespace Tailor.Storage.Tests.MongoDb;

public sealed class MongoJsonTests
{
    [Theory]
    [InlineData("""{"a":1,"b":{"c":[1,2.5,"x",null,true]}}""")]
    [InlineData("""[0.1,-3,1E-07,12345678901]""")]
    [InlineData("\"als-7\"")]
    [InlineData("42")]
    [InlineData("false")]
    [InlineData("""{"text":"café \"quoted\" \u2603 \\ back"}""")]
    public void Write_of_Parse_is_the_same_json_value(string json)
    {
        var written = MongoJson.Write(MongoJson.Parse(json));

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json), JsonNode.Parse(written)), written);
    }

    [Fact]
    public void Parse_keeps_json_numbers_as_bson_numbers()
    {
        var value = MongoJson.Parse("""{"count":3,"big":12345678901,"price":2.55}""").AsBsonDocument;

        Assert.Equal(BsonType.Int32, value["count"].BsonType);
        Assert.Equal(BsonType.Int64, value["big"].BsonType);
        Assert.Equal(BsonType.Double, value["price"].BsonType);
    }

    [Fact]
    public void Write_of_an_embedding_reads_back_as_the_same_floats()
    {
        var random = new Random(7);
        var vector = Enumerable.Range(0, 384).Select(_ => (float)((random.NextDouble() * 2) - 1)).ToArray();

        var written = MongoJson.Write(MongoJson.Parse(JsonSerializer.Serialize(vector)));

        Assert.Equal(vector, JsonSerializer.Deserialize<float[]>(written));
    }

    [Fact]
    public void Parse_keeps_dollar_keys_as_plain_fields()
    {
        // System.Text.Json writes "$type" for polymorphic types; it must not be read as MongoDB extended JSON.
        var value = MongoJson.Parse("""{"$type":"click","$date":"2010-12-01"}""").AsBsonDocument;

        Assert.Equal("click", value["$type"].AsString);
        Assert.Equal("2010-12-01", value["$date"].AsString);
    }

    [Fact]
    public void Parse_refuses_content_after_the_first_value()
    {
        Assert.Throws<FormatException>(() => MongoJson.Parse("""{"a":1} {"b":2}"""));
    }
}
