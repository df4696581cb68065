using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Http;
using Tailor.Contracts;
using Tailor.Ingestion.Http;

namespace Tailor.Ingestion.Tests;

/// <summary>
/// Bodies sent with <c>Content-Encoding: gzip</c> (as Segment's libraries can) or <c>deflate</c> are read like plain ones,
/// with the size limits applied after decompression: a small stream that expands past them is a 413, and reading stops
/// at the limit.
/// </summary>
public sealed class CompressedBodyTests
{
    private const string Track = """{"userId":"12583","event":"Order Completed","properties":{"products":[{"product_id":"85123A","price":2.55,"quantity":6}]}}""";

    [Theory]
    [InlineData("gzip")]
    [InlineData("x-gzip")]
    [InlineData("GZIP")]
    [InlineData("deflate")]
    [InlineData("identity, gzip")]
    public async Task Compressed_call_is_accepted(string encoding)
    {
        await using var app = await IngestionApp.StartAsync();

        using var response = await app.Client.PostAsync("/v1/track", Encoded(Track, encoding), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("12583", Assert.Single(app.Published<UserActivityTracked>()).UserId);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Limit_applies_to_the_decompressed_body(bool kestrel)
    {
        // 32 KB of JSON gzips to well under a kilobyte; as sent it is far inside the limit, decompressed just past it.
        await using var app = await IngestionApp.StartAsync(kestrel: kestrel);
        var atLimit = CallOfSize(32 * 1024);
        var pastLimit = CallOfSize((32 * 1024) + 1);

        using var accepted = await app.Client.PostAsync("/v1/track", Encoded(atLimit, "gzip"), TestContext.Current.CancellationToken);
        using var refused = await app.Client.PostAsync("/v1/track", Encoded(pastLimit, "gzip"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Contains("32768 bytes", await Problems.DetailAsync(refused, HttpStatusCode.RequestEntityTooLarge), StringComparison.Ordinal);
        Assert.Single(app.Published<UserActivityTracked>());
    }

    [Fact]
    public async Task Decompression_bomb_is_a_413_read_no_further_than_the_limit()
    {
        // 64 MB of spaces in 64 KB of gzip. Reading stops once the limit is passed: a few kilobytes of the stream at most.
        var spaces = new byte[64 * 1024 * 1024];
        Array.Fill(spaces, (byte)' ');
        var bomb = Gzip(spaces);
        var body = new CountingStream(bomb);
        var http = new DefaultHttpContext();
        http.Request.Body = body;
        http.Request.Headers.ContentEncoding = "gzip";

        var result = await RequestBody.ReadAsync(http.Request, 32 * 1024, TestContext.Current.CancellationToken);

        Assert.Null(result.Document);
        Assert.Equal("too-large", result.Reason);
        Assert.InRange(body.BytesRead, 1, 16 * 1024);
        Assert.True(bomb.Length > 60 * 1024, $"the bomb is {bomb.Length} bytes");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Compressed_body_longer_than_the_limit_as_sent_is_a_413(bool chunked)
    {
        // Stored uncompressed, the gzip stream is a few bytes longer than the call it holds: that call fits the limit,
        // the body as sent does not. Chunked, it has no Content-Length, and Kestrel stops reading at the limit.
        await using var app = await IngestionApp.StartAsync(kestrel: true);
        var stored = Gzip(Encoding.UTF8.GetBytes(CallOfSize((32 * 1024) - 8)), CompressionLevel.NoCompression);
        Assert.True(stored.Length > 32 * 1024);
        using HttpContent content = chunked ? new ChunkedContent(stored) : new ByteArrayContent(stored);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        content.Headers.ContentEncoding.Add("gzip");

        using var response = await app.Client.PostAsync("/v1/track", content, TestContext.Current.CancellationToken);

        await Problems.DetailAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Empty(app.Published<UserActivityTracked>());
    }

    [Theory]
    [InlineData("gzip", "not gzip at all", "is not a gzip stream")]
    [InlineData("gzip", Track, "is not a gzip stream")]
    [InlineData("deflate", "not zlib either", "is not a zlib stream")]
    public async Task Body_that_is_not_of_its_coding_is_a_400_saying_so(string encoding, string body, string message)
    {
        await using var app = await IngestionApp.StartAsync();

        using var response = await app.Client.PostAsync("/v1/track", Sent(Encoding.UTF8.GetBytes(body), encoding), TestContext.Current.CancellationToken);

        Assert.Contains(message, await Problems.DetailAsync(response, HttpStatusCode.BadRequest), StringComparison.Ordinal);
        Assert.Empty(app.Published<UserActivityTracked>());
    }

    [Fact]
    public async Task Corrupt_deflate_data_is_a_400()
    {
        await using var app = await IngestionApp.StartAsync();
        var damaged = Gzip(Encoding.UTF8.GetBytes(Track));
        damaged.AsSpan(10, damaged.Length - 18).Fill(0xFF);

        using var response = await app.Client.PostAsync("/v1/track", Sent(damaged, "gzip"), TestContext.Current.CancellationToken);

        Assert.Contains("not valid gzip data", await Problems.DetailAsync(response, HttpStatusCode.BadRequest), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("gzip", "without its 8-byte trailer", false)]
    [InlineData("gzip", "without its 8-byte trailer", true)]
    [InlineData("gzip", "with bytes after its end", false)]
    [InlineData("gzip", "with bytes after its end", true)]
    [InlineData("gzip", "as two members", false)]
    [InlineData("deflate", "without its 4-byte trailer", false)]
    [InlineData("deflate", "with bytes after its end", true)]
    public async Task Stream_cut_short_or_with_more_after_it_is_a_400(string encoding, string damage, bool kestrel)
    {
        // The decompressors stop at the end of the deflate data without complaint; the trailer says whether that is the end.
        await using var app = await IngestionApp.StartAsync(kestrel: kestrel);
        var whole = encoding == "gzip" ? Gzip(Encoding.UTF8.GetBytes(Track)) : Zlib(Encoding.UTF8.GetBytes(Track));
        var damaged = damage switch
        {
            "without its 8-byte trailer" => whole[..^8],
            "without its 4-byte trailer" => whole[..^4],
            "with bytes after its end" => [.. whole, .. "\n{}junk"u8.ToArray()],
            _ => whole.Concat(Gzip(Encoding.UTF8.GetBytes(" "))).ToArray(),
        };

        using var response = await app.Client.PostAsync("/v1/track", Sent(damaged, encoding), TestContext.Current.CancellationToken);

        Assert.Contains("cut short or has bytes after its end", await Problems.DetailAsync(response, HttpStatusCode.BadRequest), StringComparison.Ordinal);
        Assert.Empty(app.Published<UserActivityTracked>());
    }

    [Theory]
    [InlineData("br")]
    [InlineData("compress")]
    [InlineData("gzip, gzip")]
    [InlineData("zstd")]
    public async Task Unsupported_encoding_is_a_415(string encoding)
    {
        await using var app = await IngestionApp.StartAsync();
        using var content = new StringContent(Track, Encoding.UTF8, "application/json");
        content.Headers.TryAddWithoutValidation("Content-Encoding", encoding);

        using var response = await app.Client.PostAsync("/v1/track", content, TestContext.Current.CancellationToken);

        Assert.Contains("gzip, deflate", await Problems.DetailAsync(response, HttpStatusCode.UnsupportedMediaType), StringComparison.Ordinal);
        Assert.Empty(app.Published<UserActivityTracked>());
    }

    /// <summary>A track call whose JSON is exactly <paramref name="bytes"/> long.</summary>
    private static string CallOfSize(int bytes)
    {
        const string Head = """{"userId":"12583","event":"Cart Viewed","properties":{"note":" """;
        const string Tail = "\"}}";
        var call = Head.TrimEnd() + new string('a', bytes - Head.TrimEnd().Length - Tail.Length) + Tail;
        Assert.Equal(bytes, Encoding.UTF8.GetByteCount(call));
        return call;
    }

    private static ByteArrayContent Encoded(string json, string encoding)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var content = new ByteArrayContent(encoding == "deflate" ? Zlib(bytes) : Gzip(bytes));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        content.Headers.TryAddWithoutValidation("Content-Encoding", encoding);
        return content;
    }

    private static ByteArrayContent Sent(byte[] body, string encoding)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        content.Headers.ContentEncoding.Add(encoding);
        return content;
    }

    private static byte[] Gzip(byte[] bytes, CompressionLevel level = CompressionLevel.SmallestSize)
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, level, leaveOpen: true))
        {
            gzip.Write(bytes);
        }

        return compressed.ToArray();
    }

    private static byte[] Zlib(byte[] bytes)
    {
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(bytes);
        }

        return compressed.ToArray();
    }

    /// <summary>A body sent with <c>Transfer-Encoding: chunked</c>: its length is not known up front.</summary>
    private sealed class ChunkedContent(byte[] bytes) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) => stream.WriteAsync(bytes).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }

    /// <summary>A body that counts how much of it the server read.</summary>
    private sealed class CountingStream(byte[] bytes) : MemoryStream(bytes)
    {
        public long BytesRead { get; private set; }

        public override int Read(byte[] buffer, int offset, int count) => Counted(base.Read(buffer, offset, count));

        public override int Read(Span<byte> buffer) => Counted(base.Read(buffer));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Counted(await base.ReadAsync(buffer, cancellationToken));

        public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Counted(await base.ReadAsync(buffer, offset, count, cancellationToken));

        private int Counted(int read)
        {
            BytesRead += read;
            return read;
        }
    }
}
