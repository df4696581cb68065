using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tailor.Ingestion.Accepting;
using Tailor.Ingestion.Requests;

namespace Tailor.Ingestion.Http;

/// <summary><c>POST /v1/catalog</c>: create or change catalog items, one <c>CatalogItemUpserted</c> each.</summary>
internal static class CatalogEndpoint
{
    public static async Task<IResult> UpsertAsync(
        HttpContext http,
        IOptions<IngestionOptions> options,
        AcceptedMessageLog log,
        CatalogVersions versions,
        TimeProvider time,
        IngestionMetrics metrics,
        ILogger<IngestionEndpoints> logger)
    {
        var limits = options.Value;
        var (items, problem) = await ValidatedRequest.ReadAsync(
            http, limits.MaxBatchBytes, (body, errors) => CatalogRequestParser.Parse(body, limits.MaxCatalogItems, errors), metrics);
        if (items is null)
        {
            return problem!;
        }

        var receivedAt = time.GetUtcNow();
        return await StoreFailures.AnswerAsync(http, logger, async cancellationToken =>
        {
            var changes = await versions.MapAsync(items, receivedAt, cancellationToken);
            await log.AcceptAsync([.. changes.Select(change => PendingMessage.Of(change.Upserted))], cancellationToken);
            await versions.RememberAsync(changes, cancellationToken);
            return IngestionResults.Accepted(items.Count);
        });
    }
}
