using System.IO.Compression;
using Microsoft.AspNetCore.Http;

namespace Tailor.Ingestion.Http;

/// <summary>
/// The <c>Content-Encoding</c>s a request body may be sent with: none (or <c>identity</c>), <c>gzip</c> (also
/// <c>x-gzip</c>; Segment's libraries can gzip) and <c>deflate</c> (the zlib format, as RFC 9110 defines it). One
/// coding at most: stacked codings only multiply what a small body can expand to.
/// </summary>
internal static class ContentCodings
{
    public const string Supported = "gzip, deflate";

    /// <summary>The stream that reads the body as the sender wrote it, before any coding.</summary>
    /// <param name="unsupported">The <c>Content-Encoding</c> as sent when no stream can undo it (then the result is null).</param>
    public static Stream? Decoded(HttpRequest request, out string? unsupported)
    {
        unsupported = null;
        var codings = request.Headers.ContentEncoding
            .SelectMany(value => (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Where(coding => !coding.Equals("identity", StringComparison.OrdinalIgnoreCase))
            .ToList();
        switch (codings)
        {
            case []:
                return request.Body;
            case [var coding] when coding.Equals("gzip", StringComparison.OrdinalIgnoreCase) || coding.Equals("x-gzip", StringComparison.OrdinalIgnoreCase):
                return new GZipStream(request.Body, CompressionMode.Decompress, leaveOpen: true);
            case [var coding] when coding.Equals("deflate", StringComparison.OrdinalIgnoreCase):
                return new ZLibStream(request.Body, CompressionMode.Decompress, leaveOpen: true);
            default:
                unsupported = request.Headers.ContentEncoding.ToString();
                return null;
        }
    }
}
