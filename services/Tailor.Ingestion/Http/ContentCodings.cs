using System.IO.Compression;
using Microsoft.AspNetCore.Http;

namespace Tailor.Ingestion.Http;

/// <summary>
/// The <c>Content-Encoding</c>s a request body may be sent with: none (or <c>identity</c>), <c>gzip</c> (also
/// <c>x-gzip</c>; Segment's libraries can gzip) and <c>deflate</c> (the zlib format, as RFC 9110 defines it). One
/// coding at most: stacked codings only multiply what a small body can expand to. A compressed body must be one whole
/// stream of its format: the decompressors stop at the end of the deflate data without reading the trailer that
/// proves the stream complete, so a stream cut short, or followed by other bytes, is checked for here.
/// </summary>
internal static class ContentCodings
{
    public const string Supported = "gzip, deflate";

    private enum Coding
    {
        Identity,
        Gzip,
        Zlib,
        Unsupported,
    }

    /// <summary>The stream that reads the body as the sender wrote it, before any coding.</summary>
    /// <param name="sent">The body as sent.</param>
    /// <param name="unsupported">The <c>Content-Encoding</c> as sent when no stream can undo it (then the result is null).</param>
    public static Stream? Decoded(HttpRequest request, Stream sent, out string? unsupported)
    {
        unsupported = null;
        switch (CodingOf(request))
        {
            case Coding.Identity:
                return sent;
            case Coding.Gzip:
                return new GZipStream(sent, CompressionMode.Decompress, leaveOpen: true);
            case Coding.Zlib:
                return new ZLibStream(sent, CompressionMode.Decompress, leaveOpen: true);
            default:
                unsupported = request.Headers.ContentEncoding.ToString();
                return null;
        }
    }

    /// <summary>Why a compressed body could not be decompressed, in terms of its format rather than the decompressor's.</summary>
    public static string Corrupt(HttpRequest request, SentBodyEnds sent, InvalidDataException corrupt)
    {
        var encoding = request.Headers.ContentEncoding.ToString();
        return CodingOf(request) switch
        {
            Coding.Gzip when sent.Head is not [0x1F, 0x8B] =>
                $"The body is sent with Content-Encoding '{encoding}' but is not a gzip stream (one starts with the bytes 1F 8B); send it gzipped or without Content-Encoding.",
            Coding.Zlib when sent.Head is not [var method, var flags] || (method & 0x0F) != 8 || ((method << 8) | flags) % 31 != 0 =>
                $"The body is sent with Content-Encoding '{encoding}' but is not a zlib stream (RFC 1950, what deflate means in HTTP); send it as one or without Content-Encoding.",
            _ => $"The body is not valid {encoding} data: {corrupt.Message}",
        };
    }

    /// <summary>Null when the body, all of it read, ended where its format says; else why it did not.</summary>
    /// <param name="decoded">What the decompressor read out of it.</param>
    public static string? Incomplete(HttpRequest request, SentBodyEnds sent, ReadOnlySpan<byte> decoded)
    {
        var encoding = request.Headers.ContentEncoding.ToString();
        return CodingOf(request) switch
        {
            Coding.Gzip when !StreamChecksums.EndsGzip(sent.Tail, decoded) =>
                $"The body is not one whole gzip stream ('{encoding}'): it does not end with the CRC-32 and length of its data, so it was cut short or has bytes after its end.",
            Coding.Zlib when !StreamChecksums.EndsZlib(sent.Tail, decoded) =>
                $"The body is not one whole zlib stream ('{encoding}'): it does not end with the Adler-32 of its data, so it was cut short or has bytes after its end.",
            _ => null,
        };
    }

    private static Coding CodingOf(HttpRequest request)
    {
        var codings = request.Headers.ContentEncoding
            .SelectMany(value => (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Where(coding => !coding.Equals("identity", StringComparison.OrdinalIgnoreCase))
            .ToList();
        return codings switch
        {
            [] => Coding.Identity,
            [var coding] when coding.Equals("gzip", StringComparison.OrdinalIgnoreCase) || coding.Equals("x-gzip", StringComparison.OrdinalIgnoreCase) => Coding.Gzip,
            [var coding] when coding.Equals("deflate", StringComparison.OrdinalIgnoreCase) => Coding.Zlib,
            _ => Coding.Unsupported,
        };
    }
}
