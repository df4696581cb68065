using System.Buffers.Binary;
using System.Text.Json;
using System.Text.Json.Serialization;
using Tailor.Contracts;

namespace Tailor.Messaging.Tests.Contracts;

/// <summary>Weeks of hours are stored as the base64 of their float64 values, exactly, and numbers written before still read.</summary>
public sealed class PackedDoublesJsonConverterTests
{
    [Fact]
    public void Values_are_the_base64_of_their_little_endian_float64_values()
    {
        var json = JsonSerializer.SerializeToElement(new Week([0.25, -1.5, 1e-300]));

        var packed = Convert.FromBase64String(json.GetProperty(nameof(Week.Hours)).GetString()!);
        Assert.Equal(24, packed.Length);
        Assert.Equal([0.25, -1.5, 1e-300], Enumerable.Range(0, 3).Select(index => BinaryPrimitives.ReadDoubleLittleEndian(packed.AsSpan(index * 8))));
    }

    [Fact]
    public void Every_double_comes_back_bit_for_bit()
    {
        double[] values = [0, -0.0, double.Epsilon, double.MaxValue, double.MinValue, double.NaN, double.NegativeInfinity, 1.0 / 3, 0.1 + 0.2];

        var read = JsonSerializer.Deserialize<Week>(JsonSerializer.Serialize(new Week(values)))!;

        Assert.Equal(values.Select(BitConverter.DoubleToInt64Bits), read.Hours!.Select(BitConverter.DoubleToInt64Bits));
    }

    [Fact]
    public void Numbers_written_before_and_null_still_read()
    {
        Assert.Equal<double>([0.5, -0.25, 1e-7], JsonSerializer.Deserialize<Week>("""{"Hours":[0.5,-0.25,1E-07]}""")!.Hours!);
        Assert.Null(JsonSerializer.Deserialize<Week>("""{"Hours":null}""")!.Hours);
    }

    [Theory]
    [InlineData("\"AAAAAAAAAA==\"")] // seven bytes: not whole float64 values
    [InlineData("\"AAAAAAAAAAAAAAAA\"")] // twelve bytes
    [InlineData("\"not base64!\"")]
    [InlineData("[0.5, \"x\"]")]
    [InlineData("{}")]
    public void Malformed_values_are_refused(string hours)
    {
        Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize<Week>($$"""{"Hours":{{hours}}}"""));
    }

    private sealed record Week([property: JsonConverter(typeof(PackedDoublesJsonConverter))] double[]? Hours);
}
