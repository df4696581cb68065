using System.Buffers.Binary;
using System.IO.Hashing;

namespace Tailor.Ingestion.Http;

/// <summary>
/// Checks the trailer that ends a gzip stream (CRC-32 and length, RFC 1952) or a zlib stream (Adler-32, RFC 1950)
/// against the data it decompressed to: a stream cut short, or with bytes after its end, does not end with its own.
/// </summary>
internal static class StreamChecksums
{
    /// <summary>Whether <paramref name="tail"/> (the last 8 bytes of a gzip stream) is the CRC-32 and length of <paramref name="data"/>.</summary>
    public static bool EndsGzip(ReadOnlySpan<byte> tail, ReadOnlySpan<byte> data) =>
        tail.Length == 8
        && BinaryPrimitives.ReadUInt32LittleEndian(tail) == Crc32.HashToUInt32(data)
        && BinaryPrimitives.ReadUInt32LittleEndian(tail[4..]) == (uint)data.Length;

    /// <summary>Whether <paramref name="tail"/> ends with the Adler-32 of <paramref name="data"/>, as a zlib stream does.</summary>
    public static bool EndsZlib(ReadOnlySpan<byte> tail, ReadOnlySpan<byte> data) =>
        tail.Length >= 4 && BinaryPrimitives.ReadUInt32BigEndian(tail[^4..]) == Adler32.HashToUInt32(data);
}
