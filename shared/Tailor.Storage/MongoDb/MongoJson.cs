using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using MongoDB.Bson;

namespace Tailor.Storage.MongoDb;

/// <summary>
/// Converts the stores' JSON to BSON values and back, so payloads and documents are real BSON that MongoDB can query
/// and index, yet read back as the JSON the SQLite store returns.
/// </summary>
/// <remarks>
/// Both directions go through System.Text.Json rather than the driver's JSON reader and writer: the driver reads
/// keys such as <c>$type</c> or <c>$date</c> as extended JSON, and writes doubles with 17 digits (<c>2.55</c> comes
/// back as <c>2.5499999999999998</c>, which a <c>decimal</c> price then keeps). Integers become Int32 or Int64, other
/// numbers doubles, so a number with more significant digits than a double holds comes back rounded.
/// </remarks>
public static class MongoJson
{
    // The JSON goes back to System.Text.Json, not into a web page: no need to escape '+', '<' or non-ASCII text.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Parses any JSON value (object, array or scalar: a stored document need not be an object).</summary>
    public static BsonValue Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var document = JsonDocument.Parse(json);
            return ToBson(document.RootElement);
        }
        catch (JsonException exception)
        {
            throw new FormatException($"Not valid JSON: {exception.Message}", exception);
        }
    }

    public static string Write(BsonValue value)
    {
        ArgumentNullException.ThrowIfNull(value);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            Write(writer, value);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static BsonValue ToBson(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => new BsonDocument(element.EnumerateObject().Select(property => new BsonElement(property.Name, ToBson(property.Value)))),
        JsonValueKind.Array => new BsonArray(element.EnumerateArray().Select(ToBson)),
        JsonValueKind.String => new BsonString(element.GetString()),
        JsonValueKind.Number when element.TryGetInt32(out var int32) => new BsonInt32(int32),
        JsonValueKind.Number when element.TryGetInt64(out var int64) => new BsonInt64(int64),
        JsonValueKind.Number => new BsonDouble(element.GetDouble()),
        JsonValueKind.True => BsonBoolean.True,
        JsonValueKind.False => BsonBoolean.False,
        _ => BsonNull.Value,
    };

    private static void Write(Utf8JsonWriter writer, BsonValue value)
    {
        switch (value.BsonType)
        {
            case BsonType.Document:
                writer.WriteStartObject();
                foreach (var element in value.AsBsonDocument)
                {
                    writer.WritePropertyName(element.Name);
                    Write(writer, element.Value);
                }

                writer.WriteEndObject();
                break;
            case BsonType.Array:
                writer.WriteStartArray();
                foreach (var item in value.AsBsonArray)
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            case BsonType.String:
                writer.WriteStringValue(value.AsString);
                break;
            case BsonType.Int32:
                writer.WriteNumberValue(value.AsInt32);
                break;
            case BsonType.Int64:
                writer.WriteNumberValue(value.AsInt64);
                break;
            case BsonType.Double:
                writer.WriteNumberValue(value.AsDouble);
                break;
            case BsonType.Boolean:
                writer.WriteBooleanValue(value.AsBoolean);
                break;
            case BsonType.Null:
                writer.WriteNullValue();
                break;
            default:
                // Only a value written into MongoDB by something other than these stores can have another type.
                throw new FormatException($"A stored {value.BsonType} value has no plain JSON form.");
        }
    }
}
