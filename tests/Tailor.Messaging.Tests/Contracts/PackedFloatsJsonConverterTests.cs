using System.Buffers.Binary;
using System.Text.Json;
using MassTransit.Serialization;
using Tailor.Contracts;

namespace Tailor.Messaging.Tests.Contracts;

/// <summary>
/// Vectors travel as the base64 of their float32 values, through the serializer options MassTransit itself uses, and a
/// message written before that (numbers in an array) still reads.
/// </summary>
public sealed class PackedFloatsJsonConverterTests
{
    private static readonly JsonSerializerOptions BusJson = SystemTextJsonMessageSerializer.Options;

    [Fact]
    public void A_vector_on_the_bus_is_the_base64_of_its_little_endian_float32_values()
    {
        var message = Interests([0.25f, -1.5f, 3e-5f]);

        var json = JsonSerializer.SerializeToElement(message, BusJson);

        var packed = Convert.FromBase64String(json.GetProperty("vector").GetString()!);
        Assert.Equal(12, packed.Length);
        Assert.Equal(
            [0.25f, -1.5f, 3e-5f],
            Enumerable.Range(0, 3).Select(index => BinaryPrimitives.ReadSingleLittleEndian(packed.AsSpan(index * 4))));
    }

    [Fact]
    public void Every_float_comes_back_bit_for_bit()
    {
        float[] values = [0f, -0f, float.Epsilon, -float.Epsilon, float.MaxValue, float.MinValue, float.NaN, float.PositiveInfinity, 1f / 3];

        var read = JsonSerializer.Deserialize<UserInterestsUpdated>(JsonSerializer.Serialize(Interests(values), BusJson), BusJson)!;

        Assert.Equal(values.Select(BitConverter.SingleToInt32Bits), read.Vector.Select(BitConverter.SingleToInt32Bits));
    }

    [Fact]
    public void A_message_written_with_the_vector_as_numbers_still_reads()
    {
        const string Before = """
            {"eventId":"7b7c4b1e-6a2f-4d55-9b55-2f6a3f8f3d10","itemId":"85123A","occurredAt":"2026-12-01T10:00:00+00:00",
             "model":"all-minilm-l6-v2","modelVersion":"1.0.0","vector":[0.5,-0.25,1E-07]}
            """;

        var read = JsonSerializer.Deserialize<ItemEmbedded>(Before, BusJson)!;

        Assert.Equal([0.5f, -0.25f, 1e-7f], read.Vector);
    }

    [Fact]
    public void Base64_with_escaped_characters_reads()
    {
        var packed = Convert.ToBase64String(BitConverter.GetBytes(-0.999f));
        Assert.Contains('/', packed);
        var escaped = packed.Replace("/", "\\u002F", StringComparison.Ordinal);

        var read = JsonSerializer.Deserialize<UserInterestsUpdated>(MessageWithVector($"\"{escaped}\""), BusJson)!;

        Assert.Equal([-0.999f], read.Vector);
    }

    [Theory]
    [InlineData("\"AAAAAAAA\"")]            // six bytes: not whole float32 values
    [InlineData("\"not base64!\"")]
    [InlineData("[0.5, \"x\"]")]
    [InlineData("true")]
    public void A_vector_that_is_not_whole_float32_values_is_refused(string vector)
    {
        Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize<UserInterestsUpdated>(MessageWithVector(vector), BusJson));
    }

    private static UserInterestsUpdated Interests(float[] vector) =>
        new(Guid.NewGuid(), "user-1", DateTimeOffset.UnixEpoch, "all-minilm-l6-v2", "1.0.0", vector, 1);

    private static string MessageWithVector(string vector) =>
        $$"""{"eventId":"7b7c4b1e-6a2f-4d55-9b55-2f6a3f8f3d10","userId":"u","occurredAt":"2026-12-01T10:00:00+00:00","model":"m","modelVersion":"1","vector":{{vector}},"evidenceCount":1}""";
}
