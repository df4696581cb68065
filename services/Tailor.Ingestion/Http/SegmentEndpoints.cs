using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tailor.Ingestion.Accepting;
using Tailor.Ingestion.Requests;
using Tailor.Ingestion.Validation;

namespace Tailor.Ingestion.Http;

/// <summary><c>POST /v1/track</c>, <c>/v1/identify</c> and <c>/v1/batch</c>: the Segment HTTP tracking API.</summary>
internal static class SegmentEndpoints
{
    public static Task<IResult> TrackAsync(
        HttpContext http, IOptions<IngestionOptions> options, SegmentIngestor ingestor, IngestionMetrics metrics, ILogger<IngestionEndpoints> logger) =>
        SingleAsync(SegmentCallTypes.Track, http, options.Value, ingestor, metrics, logger);

    public static Task<IResult> IdentifyAsync(
        HttpContext http, IOptions<IngestionOptions> options, SegmentIngestor ingestor, IngestionMetrics metrics, ILogger<IngestionEndpoints> logger) =>
        SingleAsync(SegmentCallTypes.Identify, http, options.Value, ingestor, metrics, logger);

    /// <summary>All or nothing for now: one invalid call rejects the batch, and the answer lists every invalid call.</summary>
    public static async Task<IResult> BatchAsync(
        HttpContext http, IOptions<IngestionOptions> options, SegmentIngestor ingestor, IngestionMetrics metrics, ILogger<IngestionEndpoints> logger)
    {
        var limits = options.Value;
        var (calls, problem) = await ValidatedRequest.ReadAsync(
            http, limits.MaxBatchBytes, (body, errors) => BatchRequestParser.Parse(body, limits.MaxBatchItems, errors), metrics);
        return calls is null ? problem! : await AcceptAsync(calls, http, ingestor, logger);
    }

    private static async Task<IResult> SingleAsync(
        string type, HttpContext http, IngestionOptions limits, SegmentIngestor ingestor, IngestionMetrics metrics, ILogger logger)
    {
        var (call, problem) = await ValidatedRequest.ReadAsync(
            http, limits.MaxCallBytes, (body, errors) => SegmentCallParser.Parse(body, JsonPaths.Root, type, errors), metrics);
        return call is null ? problem! : await AcceptAsync([call], http, ingestor, logger);
    }

    private static Task<IResult> AcceptAsync(IReadOnlyList<SegmentCall> calls, HttpContext http, SegmentIngestor ingestor, ILogger logger) =>
        StoreFailures.AnswerAsync(http, logger, async cancellationToken =>
        {
            await ingestor.IngestAsync(calls, cancellationToken);
            return IngestionResults.Accepted(calls.Count);
        });
}
