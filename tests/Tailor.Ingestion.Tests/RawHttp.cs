using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace Tailor.Ingestion.Tests;

/// <summary>
/// HTTP/1.1 over a bare socket to an <see cref="IngestionApp"/> on Kestrel, byte for byte as written: what no
/// well-behaved client sends (a chunk size that is not hex, a body shorter than its Content-Length, a stray '%').
/// </summary>
internal static class RawHttp
{
    /// <summary>Sends a request that says <c>Connection: close</c> and reads the whole answer.</summary>
    public static Task<RawResponse> SendAsync(IngestionApp app, string request) => SendAsync(app, Encoding.UTF8.GetBytes(request));

    /// <param name="endStream">Closes the sending side after the request, so the server reads the end of the stream where it expects more body.</param>
    public static async Task<RawResponse> SendAsync(IngestionApp app, byte[] request, bool endStream = false)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var client = await ConnectAsync(app);
        var stream = client.GetStream();
        await stream.WriteAsync(request, cancellationToken);
        if (endStream)
        {
            client.Client.Shutdown(SocketShutdown.Send);
        }

        using var answer = new MemoryStream();
        await stream.CopyToAsync(answer, cancellationToken);
        return RawResponse.Parse(answer.ToArray());
    }

    public static async Task<TcpClient> ConnectAsync(IngestionApp app)
    {
        var address = app.Address ?? throw new InvalidOperationException("Raw HTTP needs the app on Kestrel.");
        var client = new TcpClient();
        await client.ConnectAsync(address.Host, address.Port, TestContext.Current.CancellationToken);
        return client;
    }
}

internal sealed record RawResponse(int Status, string? ContentType, string Body)
{
    private static readonly byte[] LineEnd = "\r\n"u8.ToArray();

    /// <summary>Status 0: the server closed the connection without answering.</summary>
    public static RawResponse Parse(byte[] bytes)
    {
        if (bytes.Length == 0)
        {
            return new RawResponse(0, null, "");
        }

        var headerEnd = bytes.AsSpan().IndexOf("\r\n\r\n"u8);
        Assert.True(headerEnd > 0, $"No HTTP answer: '{Encoding.UTF8.GetString(bytes)}'");
        var lines = Encoding.ASCII.GetString(bytes, 0, headerEnd).Split("\r\n");
        var status = int.Parse(lines[0].Split(' ')[1], CultureInfo.InvariantCulture);
        var headers = lines.Skip(1)
            .Select(line => line.Split(':', 2))
            .ToDictionary(parts => parts[0].Trim(), parts => parts[1].Trim(), StringComparer.OrdinalIgnoreCase);
        var body = bytes.AsSpan(headerEnd + 4).ToArray();
        if (headers.TryGetValue("Transfer-Encoding", out var coding) && coding.Equals("chunked", StringComparison.OrdinalIgnoreCase))
        {
            body = Dechunk(body);
        }

        var contentType = headers.TryGetValue("Content-Type", out var type) ? type.Split(';')[0] : null;
        return new RawResponse(status, contentType, Encoding.UTF8.GetString(body));
    }

    private static byte[] Dechunk(byte[] chunked)
    {
        var body = new MemoryStream();
        var position = 0;
        while (true)
        {
            var lineEnd = position + chunked.AsSpan(position).IndexOf(LineEnd);
            var size = int.Parse(Encoding.ASCII.GetString(chunked, position, lineEnd - position), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            if (size == 0)
            {
                return body.ToArray();
            }

            body.Write(chunked, lineEnd + 2, size);
            position = lineEnd + 2 + size + 2;
        }
    }
}
