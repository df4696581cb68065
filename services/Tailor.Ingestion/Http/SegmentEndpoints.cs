using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tailor.Ingestion.Accepting;
using Tailor.Ingestion.Requests;
using Tailor.Ingestion.Validation;
using Tailor.Messaging.Rules;

namespace Tailor.Ingestion.Http;

/// <summary><c>POST /v1/track</c>, <c>/identify</c>, <c>/page</c>, <c>/screen</c>, <c>/group</c>, <c>/alias</c> and <c>/batch</c>: the Segment HTTP tracking API.</summary>
internal static class SegmentEndpoints
{
    public static Task<IResult> TrackAsync(HttpContext http, SegmentRequestServices services) => SingleAsync(SegmentCallTypes.Track, http, services);

    public static Task<IResult> IdentifyAsync(HttpContext http, SegmentRequestServices services) => SingleAsync(SegmentCallTypes.Identify, http, services);

    public static Task<IResult> PageAsync(HttpContext http, SegmentRequestServices services) => SingleAsync(SegmentCallTypes.Page, http, services);

    public static Task<IResult> ScreenAsync(HttpContext http, SegmentRequestServices services) => SingleAsync(SegmentCallTypes.Screen, http, services);

    public static Task<IResult> GroupAsync(HttpContext http, SegmentRequestServices services) => SingleAsync(SegmentCallTypes.Group, http, services);

    public static Task<IResult> AliasAsync(HttpContext http, SegmentRequestServices services) => SingleAsync(SegmentCallTypes.Alias, http, services);

    /// <summary>Each call stands alone: valid ones are accepted, and the answer lists the rest with their errors.</summary>
    public static async Task<IResult> BatchAsync(HttpContext http, SegmentRequestServices services)
    {
        var limits = services.Options.Value;
        var receivedAt = services.Time.GetUtcNow();
        var (batch, problem) = await ValidatedRequest.ReadAsync(
            http,
            limits.MaxBatchBytes,
            (body, errors) => BatchRequestParser.Parse(body, limits.MaxBatchItems, limits.MaxCallBytes, sentAt => CallContext.From(services.Times.Value, services.PropertyCounts.Value, receivedAt, sentAt), errors),
            services.Metrics);
        if (batch is null)
        {
            return problem!;
        }

        if (batch.Accepted.Count == 0)
        {
            var all = new ValidationErrors();
            batch.Rejected.ForEach(rejected => all.AddAll(rejected.Errors));
            services.Metrics.Rejected("invalid");
            return IngestionResults.Invalid(all);
        }

        return await StoreFailures.AnswerAsync(http, services.Logger, async cancellationToken =>
        {
            await services.Ingestor.IngestAsync([.. batch.Accepted.Select(accepted => accepted.Call)], cancellationToken);
            return IngestionResults.BatchAccepted(batch);
        });
    }

    private static async Task<IResult> SingleAsync(string type, HttpContext http, SegmentRequestServices services)
    {
        var limits = services.Options.Value;
        var context = CallContext.From(services.Times.Value, services.PropertyCounts.Value, services.Time.GetUtcNow());
        var (call, problem) = await ValidatedRequest.ReadAsync(
            http, limits.MaxCallBytes, (body, errors) => SegmentCallParser.Parse(body, JsonPaths.Root, type, context, errors), services.Metrics);
        return call is null ? problem! : await StoreFailures.AnswerAsync(http, services.Logger, async cancellationToken =>
        {
            await services.Ingestor.IngestAsync([call], cancellationToken);
            return IngestionResults.Accepted(1);
        });
    }
}

/// <summary>What every Segment endpoint needs, injected as one.</summary>
internal sealed record SegmentRequestServices(
    IOptions<IngestionOptions> Options,
    IOptions<EventTimeOptions> Times,
    IOptions<PropertyCountOptions> PropertyCounts,
    SegmentIngestor Ingestor,
    IngestionMetrics Metrics,
    TimeProvider Time,
    ILogger<IngestionEndpoints> Logger);
