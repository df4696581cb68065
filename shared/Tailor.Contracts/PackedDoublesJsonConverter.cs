using System.Text.Json;

namespace Tailor.Contracts;

/// <summary>
/// An array of float64 values as one JSON string, the base64 of its values, little-endian; an array of numbers still
/// reads. A week of hours (168 values) as decimal text is about 3.5 kB formatted and parsed value by value; packed, it
/// is 1.8 kB copied in and out.
/// </summary>
/// <remarks>
/// Decode it elsewhere as little-endian float64: Python <c>numpy.frombuffer(base64.b64decode(s), "&lt;f8")</c>,
/// JavaScript <c>new Float64Array(Uint8Array.from(atob(s), c =&gt; c.charCodeAt(0)).buffer)</c>.
/// </remarks>
public sealed class PackedDoublesJsonConverter : PackedNumbersJsonConverter<double>
{
    protected override string Name => "float64";

    protected override double ReadNumber(ref Utf8JsonReader reader) => reader.GetDouble();
}
