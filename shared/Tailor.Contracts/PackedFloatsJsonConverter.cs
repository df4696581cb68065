using System.Buffers;
using System.Buffers.Binary;
using System.Buffers.Text;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tailor.Contracts;

/// <summary>
/// Writes a vector of numbers as one JSON string: the base64 of its 32-bit floats, little-endian, as OpenAI's
/// embeddings API does with <c>encoding_format: "base64"</c>. Reads that or a JSON array of numbers (what Tailor wrote
/// before 0.5.0). A 384-dimension vector as decimal text is about 4 kB that every writer formats and every reader
/// parses number by number, the largest cost of carrying it; packed, it is 2 kB copied in and out.
/// </summary>
/// <remarks>
/// Decode it elsewhere as little-endian float32: Python <c>numpy.frombuffer(base64.b64decode(s), "&lt;f4")</c>,
/// JavaScript <c>new Float32Array(Uint8Array.from(atob(s), c =&gt; c.charCodeAt(0)).buffer)</c>.
/// </remarks>
public sealed class PackedFloatsJsonConverter : JsonConverter<float[]>
{
    private const int BytesPerFloat = sizeof(float);

    public override float[]? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.Null => null,
            JsonTokenType.String => Unpack(ref reader),
            JsonTokenType.StartArray => ReadArray(ref reader),
            _ => throw new JsonException($"A vector is a base64 string of float32 values or an array of numbers, not {reader.TokenType}."),
        };

    public override void Write(Utf8JsonWriter writer, float[] value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        if (BitConverter.IsLittleEndian)
        {
            writer.WriteBase64StringValue(MemoryMarshal.AsBytes(value.AsSpan()));
            return;
        }

        var bytes = ArrayPool<byte>.Shared.Rent(value.Length * BytesPerFloat);
        try
        {
            for (var index = 0; index < value.Length; index++)
            {
                BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(index * BytesPerFloat), value[index]);
            }

            writer.WriteBase64StringValue(bytes.AsSpan(0, value.Length * BytesPerFloat));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    private static float[] Unpack(ref Utf8JsonReader reader)
    {
        // Base64 never needs escaping, but a writer may escape '+' and '/' all the same; then let the reader undo it.
        var bytes = reader.ValueIsEscaped || reader.HasValueSequence ? reader.GetBytesFromBase64() : null;
        var encoded = reader.ValueSpan;
        if (bytes is null && encoded.Length % 4 != 0)
        {
            throw new JsonException("A packed vector is not valid base64: its length is not a multiple of 4.");
        }

        var length = bytes?.Length ?? Base64.GetMaxDecodedFromUtf8Length(encoded.Length) - Padding(encoded);
        if (length % BytesPerFloat != 0)
        {
            throw new JsonException($"A packed vector holds whole float32 values: {length} bytes is not a multiple of {BytesPerFloat}.");
        }

        var vector = new float[length / BytesPerFloat];
        var target = MemoryMarshal.AsBytes(vector.AsSpan());
        if (bytes is not null)
        {
            bytes.CopyTo(target);
        }
        else if (Base64.DecodeFromUtf8(encoded, target, out _, out var written) != OperationStatus.Done || written != target.Length)
        {
            throw new JsonException("A packed vector is not valid base64.");
        }

        if (!BitConverter.IsLittleEndian)
        {
            for (var index = 0; index < vector.Length; index++)
            {
                vector[index] = BinaryPrimitives.ReadSingleLittleEndian(target[(index * BytesPerFloat)..]);
            }
        }

        return vector;
    }

    private static int Padding(ReadOnlySpan<byte> encoded) =>
        encoded.EndsWith("=="u8) ? 2 : encoded.EndsWith("="u8) ? 1 : 0;

    private static float[] ReadArray(ref Utf8JsonReader reader)
    {
        var values = new List<float>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.Number)
            {
                throw new JsonException($"A vector's values are numbers, not {reader.TokenType}.");
            }

            values.Add(reader.GetSingle());
        }

        return [.. values];
    }
}
