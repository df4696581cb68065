using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tailor.Ingestion.Accepting;
using Tailor.Ingestion.Mapping;
using Tailor.Ingestion.Reports;
using Tailor.Ingestion.Requests;
using Tailor.Messaging.Rules;

namespace Tailor.Ingestion.Http;

/// <summary>
/// <c>POST /v1/campaigns</c>: ask for a campaign; answered 202 because the emails are written afterwards. The
/// <c>Location</c> is the campaign's report, the one thing about a campaign that can be read back: it answers as soon as
/// the request is stored and counts the emails as they are written and engaged with.
/// </summary>
internal static class CampaignEndpoint
{
    public static async Task<IResult> RequestAsync(
        HttpContext http,
        IOptions<IngestionOptions> options,
        IOptions<EventTimeOptions> times,
        AcceptedMessageLog log,
        TimeProvider time,
        IngestionMetrics metrics,
        ILogger<IngestionEndpoints> logger)
    {
        var limits = options.Value;
        var now = time.GetUtcNow();
        var (campaign, problem) = await ValidatedRequest.ReadAsync(
            http, limits.MaxBatchBytes, (body, errors) => CampaignRequestParser.Parse(body, EventTimeRange.From(times.Value, now), errors), metrics);
        if (campaign is null)
        {
            return problem!;
        }

        var requested = CampaignMapper.Map(campaign, now);
        return await StoreFailures.AnswerAsync(http, logger, async cancellationToken =>
        {
            await log.AcceptAsync([PendingMessage.Of(requested)], cancellationToken);
            Log.CampaignRequested(logger, requested.CampaignId);
            return Results.Accepted(CampaignReportEndpoints.PathOf(requested.CampaignId), new CampaignAcceptedDocument(requested.CampaignId));
        });
    }
}
