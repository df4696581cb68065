using System.Buffers.Binary;

namespace Tailor.Ingestion.Http;

/// <summary>
/// Checks the trailer that ends a gzip stream (CRC-32 and length, RFC 1952) or a zlib stream (Adler-32, RFC 1950)
/// against the data it decompressed to: a stream cut short, or with bytes after its end, does not end with its own.
/// </summary>
internal static class StreamChecksums
{
    private static readonly uint[] CrcTable = BuildCrcTable();

    /// <summary>Whether <paramref name="tail"/> (the last 8 bytes of a gzip stream) is the CRC-32 and length of <paramref name="data"/>.</summary>
    public static bool EndsGzip(ReadOnlySpan<byte> tail, ReadOnlySpan<byte> data) =>
        tail.Length == 8
        && BinaryPrimitives.ReadUInt32LittleEndian(tail) == Crc32(data)
        && BinaryPrimitives.ReadUInt32LittleEndian(tail[4..]) == (uint)data.Length;

    /// <summary>Whether <paramref name="tail"/> ends with the Adler-32 of <paramref name="data"/>, as a zlib stream does.</summary>
    public static bool EndsZlib(ReadOnlySpan<byte> tail, ReadOnlySpan<byte> data) =>
        tail.Length >= 4 && BinaryPrimitives.ReadUInt32BigEndian(tail[^4..]) == Adler32(data);

    private static uint Crc32(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var value in data)
        {
            crc = CrcTable[(crc ^ value) & 0xFF] ^ (crc >> 8);
        }

        return ~crc;
    }

    private static uint Adler32(ReadOnlySpan<byte> data)
    {
        const uint Modulus = 65521;
        uint a = 1, b = 0;
        foreach (var value in data)
        {
            a = (a + value) % Modulus;
            b = (b + a) % Modulus;
        }

        return (b << 16) | a;
    }

    private static uint[] BuildCrcTable()
    {
        var table = new uint[256];
        for (var index = 0u; index < table.Length; index++)
        {
            var crc = index;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }

            table[index] = crc;
        }

        return table;
    }
}
