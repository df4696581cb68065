using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using OpenTelemetry.Trace;
using Tailor.Host.Demo;
using Tailor.ServiceDefaults;
using Tailor.Testing;

namespace Tailor.EndToEnd.Tests.Tracing;

/// <summary>
/// "One trace per user event": six hosts on a real RabbitMQ and Redis, every host's spans collected in memory, and
/// each trace checked as one tree whose every parent is in it and which reaches every service it should.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class TraceTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task A_user_event_and_a_campaign_are_each_one_trace_across_the_six_hosts()
    {
        // A virtual host of its own: no message another test left in a durable queue reaches these hosts.
        await using var virtualHost = await RabbitMqVirtualHost.CreateAsync(TestInfrastructure.RequireRabbitMq());
        var rabbitMq = virtualHost.AmqpUri;
        var redis = TestInfrastructure.RequireRedis();
        var ct = TestContext.Current.CancellationToken;
        var spans = new SpanCollector();
        var logs = new FakeLogCollector();
        // A few customers are enough to prove the trees; fewer messages keep the run short on a busy machine.
        var plan = ReplayPlan.From(OnlineRetailReader.Read(DemoOptions.BundledSample).Take(120));

        await using var run = PipelineRun.Distributed(
            rabbitMq,
            redis,
            TestInfrastructure.MongoDb,
            builder =>
            {
                builder.Services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(spans));
                builder.Logging.AddProvider(new FakeLoggerProvider(logs));
            },
            [$"--{TailorTelemetry.TracingEnabledKey}=true", "--Logging:LogLevel:Tailor=Debug"]);
        var emails = await run.RunAsync(plan, DateTimeOffset.UtcNow, ct);
        Assert.NotEmpty(emails);

        // The campaign: POST /v1/campaigns, CampaignRequested, PersonalizeEmails pages, their EmailReady for senders and
        // one EmailsWritten per page for Ingestion and Recommendation.
        // The emails reach this test while ContentGeneration's consume spans, their parents, may still be open (a span is
        // exported when it ends, after the page's publishes): give them the time to end before the tree is judged.
        await Polling.WithinAsync(() => TraceOf(spans, "/v1/campaigns").Orphans().Count == 0);
        var campaign = TraceOf(spans, "/v1/campaigns");
        AssertWhole(campaign);
        Assert.Superset(new HashSet<string> { "contentgeneration", "ingestion", "recommendation" }, campaign.ConsumingServices().ToHashSet());
        Assert.Single(campaign.Sends("CampaignRequested"));
        Assert.Equal(emails.Count, campaign.Sends("EmailReady").Count);
        Assert.InRange(campaign.Sends("EmailsWritten").Count, 1, campaign.Sends("PersonalizeEmails").Count);
        // A page of PersonalizeEmails is one batch: its profiles are one pipelined read.
        Assert.NotEmpty(campaign.From("Tailor.Profiles", "profile read_many"));
        Assert.NotEmpty(campaign.From("Tailor.ContentGeneration"));
        Assert.NotEmpty(campaign.From("Tailor.Storage"));

        // One user event: POST /v1/track, UserActivityTracked, a consumer in each learning service, their profile writes.
        await run.PostAsync("/v1/track", OrderOf(plan), ct);
        var learners = new[] { "embedding", "topic", "recommendation", "sendtime" };
        // Embedding and SendTime take events in batches that close on a timer, so their profile writes come a moment later.
        await WaitForTraceAsync(
            spans,
            "/v1/track",
            tree => learners.All(tree.ConsumingServices().Contains) && ProfileWrites(tree)
                .Select(span => TraceTree.Tag(span, "tailor.profile.slice")).ToHashSet().IsSupersetOf(["interests", "sendtime"]),
            ct);
        await run.WaitForQuietAsync(ct);
        var userEvent = TraceOf(spans, "/v1/track");
        AssertWhole(userEvent);
        Assert.Superset(learners.ToHashSet(), userEvent.ConsumingServices().ToHashSet());
        Assert.Single(userEvent.Sends("UserActivityTracked"));
        Assert.NotEmpty(ProfileWrites(userEvent));
        Assert.NotEmpty(userEvent.From("Tailor.Embedding", "embed texts").Concat(userEvent.From("Tailor.Storage")));

        // Logs of the whole run: plenty of them, none holding an address.
        var records = logs.GetSnapshot();
        Assert.NotEmpty(records);
        Assert.DoesNotContain(records, record => record.Message.Contains("@example.com", StringComparison.OrdinalIgnoreCase)
            || (record.StructuredState ?? []).Any(pair => pair.Value?.Contains("@example.com", StringComparison.OrdinalIgnoreCase) == true));
    }

    // A batch consumer writes its batch's slices in one pipeline (one span); a single write has its own.
    private static IEnumerable<Activity> ProfileWrites(TraceTree trace) =>
        trace.From("Tailor.Profiles", "profile write_slices").Concat(trace.From("Tailor.Profiles", "profile write_slice"));

    private static void AssertWhole(TraceTree trace)
    {
        Assert.True(trace.Roots().Count == 1, $"one root expected:\n{trace.Describe()}");
        Assert.True(trace.Orphans().Count == 0, $"spans whose parent is not in the trace: {string.Join(", ", trace.Orphans().Select(span => span.DisplayName))}");
    }

    /// <summary>The trace of the (last) request Ingestion served on this path.</summary>
    private static TraceTree TraceOf(SpanCollector spans, string path)
    {
        var request = spans.All().Where(span => span.Source.Name == "Microsoft.AspNetCore" && TraceTree.Tag(span, "url.path") == path)
            .OrderBy(span => span.StartTimeUtc)
            .LastOrDefault();
        Assert.NotNull(request);
        return new TraceTree(spans.Trace(request.TraceId));
    }

    private static async Task WaitForTraceAsync(SpanCollector spans, string path, Func<TraceTree, bool> complete, CancellationToken cancellationToken)
    {
        bool Complete()
        {
            var request = spans.All().FirstOrDefault(span => span.Source.Name == "Microsoft.AspNetCore" && TraceTree.Tag(span, "url.path") == path);
            return request is not null && complete(new TraceTree(spans.Trace(request.TraceId)));
        }

        await Polling.UntilAsync(Complete, Patience, cancellationToken, $"the trace of {path} did not reach every service");
    }

    /// <summary>A new order of a known customer for a known product: a user event every learning service takes in.</summary>
    private static object OrderOf(ReplayPlan plan)
    {
        var userId = JsonSerializer.SerializeToElement(plan.Identifies[0]).GetProperty("userId").GetString();
        var product = JsonSerializer.SerializeToElement(plan.CatalogItems[0]);
        return new
        {
            type = "track",
            @event = "Order Completed",
            userId,
            messageId = $"trace-test-{Guid.NewGuid():N}",
            timestamp = DateTimeOffset.UtcNow.ToString("O"),
            properties = new
            {
                order_id = "trace-test",
                products = new[]
                {
                    new { product_id = product.GetProperty("id").GetString(), name = product.GetProperty("title").GetString(), price = 2.55m, quantity = 1 },
                },
            },
        };
    }
}
