using System.Diagnostics;
using System.Net;
using OpenTelemetry.Trace;
using Tailor.Ingestion.Tests.Links;
using Tailor.ServiceDefaults;
using Tailor.Testing;

namespace Tailor.Ingestion.Tests.Telemetry;

/// <summary>What a server span of Ingestion records of a request, with tracing set up as every Tailor process sets it up.</summary>
public sealed class ServerSpanTests
{
    private const string ReaderAgent = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) Version/17.4 Mobile/15E148 Safari/604.1";

    [Fact]
    public async Task A_followed_link_is_traced_by_its_route_without_the_readers_user_agent_or_the_links_signature()
    {
        var spans = new SpanCollector();
        await using var app = await IngestionApp.StartAsync(
            configure: new Dictionary<string, string?>(TailorLinks.Settings) { [TailorTelemetry.TracingEnabledKey] = "true" },
            otherServices: builder =>
            {
                builder.ConfigureOpenTelemetry();
                builder.Services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(spans));
            });
        var emailId = Guid.NewGuid();
        var link = TailorLinks.Click(emailId, "85123A");
        var signature = link[(link.IndexOf("s=", StringComparison.Ordinal) + 2)..];

        using var response = await ClickRedirectTests.GetAsync(app, link, ReaderAgent);

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        // The span ends as the response completes, which the client may see first; the listener is process-wide, so
        // other tests' requests are told apart by the email id.
        Assert.True(await Polling.WithinAsync(() => LinkSpan(spans, emailId) is not null));
        var span = LinkSpan(spans, emailId)!;
        Assert.Equal("/c/{emailId}/{**itemId}", span.GetTagItem("http.route"));
        Assert.Equal(302, span.GetTagItem("http.response.status_code"));
        Assert.All(PersonalDataTags.OnServerSpans, tag => Assert.Null(span.GetTagItem(tag)));
        Assert.DoesNotContain(span.TagObjects, tag => $"{tag.Value}".Contains("iPhone", StringComparison.Ordinal));
        Assert.DoesNotContain(span.TagObjects, tag => $"{tag.Value}".Contains(signature, StringComparison.Ordinal));
    }

    private static Activity? LinkSpan(SpanCollector spans, Guid emailId) =>
        spans.All().FirstOrDefault(span =>
            span.Kind == ActivityKind.Server && (span.GetTagItem("url.path") as string)?.Contains(emailId.ToString("D"), StringComparison.Ordinal) == true);
}
