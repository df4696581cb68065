using System.Text.Json;

namespace Tailor.Contracts;

/// <summary>
/// A vector of float32 values as one JSON string, the base64 of its values, little-endian, as OpenAI's embeddings API
/// does with <c>encoding_format: "base64"</c>; an array of numbers (what Tailor wrote before 0.5.0) still reads. A
/// 384-dimension vector as decimal text is about 4 kB; packed, it is 2 kB.
/// </summary>
/// <remarks>
/// Decode it elsewhere as little-endian float32: Python <c>numpy.frombuffer(base64.b64decode(s), "&lt;f4")</c>,
/// JavaScript <c>new Float32Array(Uint8Array.from(atob(s), c =&gt; c.charCodeAt(0)).buffer)</c>.
/// </remarks>
public sealed class PackedFloatsJsonConverter : PackedNumbersJsonConverter<float>
{
    protected override string Name => "float32";

    protected override float ReadNumber(ref Utf8JsonReader reader) => reader.GetSingle();
}
