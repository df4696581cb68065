using System.Diagnostics.Metrics;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;
using Tailor.Ingestion.Accepting;
using Tailor.Testing;

namespace Tailor.Ingestion.Tests;

/// <summary>
/// A body the server cannot read to its end is the client's fault: a 400 problem where an answer can still be sent,
/// never a 500, and never an error in the log. Sent over a bare socket to Kestrel, since no HTTP client sends these.
/// </summary>
public sealed class BrokenBodyTests
{
    private const string Call = """{"userId":"12583","event":"Cart Viewed"}""";

    [Theory]
    [InlineData("zz")]
    [InlineData("-1")]
    [InlineData("ffffffffffffffffffff")]
    public async Task Chunk_size_that_is_not_hex_is_a_400(string chunkSize)
    {
        await using var app = await IngestionApp.StartAsync(kestrel: true);
        using var rejected = RejectedRequests(app);

        var response = await RawHttp.SendAsync(app, Head("Transfer-Encoding: chunked") + $"{chunkSize}\r\n{Call}\r\n0\r\n\r\n");

        Assert.Equal((400, Problems.ContentType), (response.Status, response.ContentType));
        Assert.Contains("Unreadable request body", response.Body, StringComparison.Ordinal);
        await AssertRejectedQuietlyAsync(app, rejected);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Client_that_stops_short_of_its_content_length_leaves_no_error(bool reset)
    {
        // The client says 100 bytes, sends fewer, and ends its side of the connection (or resets it). Kestrel takes
        // either as the client gone: the request is aborted (logged as 499), nobody is left to read an answer.
        await using var app = await IngestionApp.StartAsync(kestrel: true);
        var request = Encoding.UTF8.GetBytes(Head("Content-Length: 100") + Call);

        if (reset)
        {
            using var client = await RawHttp.ConnectAsync(app);
            await client.GetStream().WriteAsync(request, TestContext.Current.CancellationToken);
            client.Client.LingerState = new System.Net.Sockets.LingerOption(enable: true, seconds: 0);
        }
        else
        {
            var response = await RawHttp.SendAsync(app, request, endStream: true);
            Assert.True(response.Status is 0 or 400, $"{response.Status}: {response.Body}");
        }

        var finished = await RequestFinishedAsync(app);
        Assert.DoesNotContain(" 500 ", finished, StringComparison.Ordinal);
        AssertNoErrorLogged(app);
        Assert.Equal(0, await app.Events.CountAsync("ingestion", TestContext.Current.CancellationToken));
    }

    private static string Head(string framing) =>
        $"POST /v1/track HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer {IngestionApp.AllScopesKey}\r\n" +
        $"Content-Type: application/json\r\n{framing}\r\nConnection: close\r\n\r\n";

    private static MetricCollector<long> RejectedRequests(IngestionApp app) =>
        new(app.Services.GetRequiredService<IMeterFactory>(), IngestionMetrics.MeterName, IngestionMetrics.RejectedName);

    private static async Task AssertRejectedQuietlyAsync(IngestionApp app, MetricCollector<long> rejected)
    {
        await rejected.WaitForMeasurementsAsync(1, TimeSpan.FromSeconds(20));
        Assert.Equal("unreadable", Assert.Single(rejected.GetMeasurementSnapshot()).Tags["reason"]);
        AssertNoErrorLogged(app);
        Assert.Equal(0, await app.Events.CountAsync("ingestion", TestContext.Current.CancellationToken));
    }

    private static void AssertNoErrorLogged(IngestionApp app) =>
        Assert.Empty(app.Logs.GetSnapshot().Where(record => record.Level >= LogLevel.Error).Select(record => $"{record.Category}: {record.Message}"));

    /// <summary>Waits for ASP.NET Core's "Request finished ... status" line and returns it.</summary>
    private static async Task<string> RequestFinishedAsync(IngestionApp app)
    {
        string? finished = null;
        Assert.True(
            await Polling.WithinAsync(
                () => (finished = app.Logs.GetSnapshot().FirstOrDefault(record => record.Message.StartsWith("Request finished", StringComparison.Ordinal))?.Message) is not null,
                TimeSpan.FromSeconds(20)),
            "The request never finished.");
        return finished!;
    }
}
