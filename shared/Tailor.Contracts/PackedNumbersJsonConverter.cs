using System.Buffers;
using System.Buffers.Text;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tailor.Contracts;

/// <summary>
/// Writes an array of floating-point numbers as one JSON string: the base64 of its IEEE 754 values, little-endian.
/// Reads that or a JSON array of numbers (what Tailor wrote before). As decimal text every value is formatted by the
/// writer and parsed by the reader one at a time, most of the cost of carrying a vector or a week of hours; packed,
/// the bytes are copied in and out, and every value comes back bit for bit.
/// </summary>
/// <typeparam name="T"><see cref="float"/> or <see cref="double"/>.</typeparam>
public abstract class PackedNumbersJsonConverter<T> : JsonConverter<T[]>
    where T : unmanaged
{
    private static readonly int BytesPerValue = Unsafe.SizeOf<T>();

    public override T[]? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.Null => null,
            JsonTokenType.String => Unpack(ref reader),
            JsonTokenType.StartArray => ReadArray(ref reader),
            _ => throw new JsonException($"Expected a base64 string of {Name} values or an array of numbers, not {reader.TokenType}."),
        };

    public override void Write(Utf8JsonWriter writer, T[] value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        if (BitConverter.IsLittleEndian)
        {
            writer.WriteBase64StringValue(MemoryMarshal.AsBytes(value.AsSpan()));
            return;
        }

        var bytes = MemoryMarshal.AsBytes(value.AsSpan()).ToArray();
        SwapEachValue(bytes);
        writer.WriteBase64StringValue(bytes);
    }

    /// <summary>How the values are named in errors: float32, float64.</summary>
    protected abstract string Name { get; }

    /// <summary>One value of the older form, an array of numbers.</summary>
    protected abstract T ReadNumber(ref Utf8JsonReader reader);

    private T[] Unpack(ref Utf8JsonReader reader)
    {
        // Base64 never needs escaping, but a writer may escape '+' and '/' all the same; then let the reader undo it.
        var bytes = reader.ValueIsEscaped || reader.HasValueSequence ? reader.GetBytesFromBase64() : null;
        var encoded = reader.ValueSpan;
        if (bytes is null && encoded.Length % 4 != 0)
        {
            throw new JsonException($"Packed {Name} values are not valid base64: the length is not a multiple of 4.");
        }

        var length = bytes?.Length ?? Base64.GetMaxDecodedFromUtf8Length(encoded.Length) - Padding(encoded);
        if (length % BytesPerValue != 0)
        {
            throw new JsonException($"Packed values are whole {Name} values: {length} bytes is not a multiple of {BytesPerValue}.");
        }

        var values = new T[length / BytesPerValue];
        var target = MemoryMarshal.AsBytes(values.AsSpan());
        if (bytes is not null)
        {
            bytes.CopyTo(target);
        }
        else if (Base64.DecodeFromUtf8(encoded, target, out _, out var written) != OperationStatus.Done || written != target.Length)
        {
            throw new JsonException($"Packed {Name} values are not valid base64.");
        }

        if (!BitConverter.IsLittleEndian)
        {
            SwapEachValue(target);
        }

        return values;
    }

    private static void SwapEachValue(Span<byte> bytes)
    {
        for (var start = 0; start < bytes.Length; start += BytesPerValue)
        {
            bytes.Slice(start, BytesPerValue).Reverse();
        }
    }

    private static int Padding(ReadOnlySpan<byte> encoded) =>
        encoded.EndsWith("=="u8) ? 2 : encoded.EndsWith("="u8) ? 1 : 0;

    private T[] ReadArray(ref Utf8JsonReader reader)
    {
        var values = new List<T>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.Number)
            {
                throw new JsonException($"The values are numbers, not {reader.TokenType}.");
            }

            values.Add(ReadNumber(ref reader));
        }

        return [.. values];
    }
}
