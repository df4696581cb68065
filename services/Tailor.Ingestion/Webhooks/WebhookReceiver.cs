using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tailor.Ingestion.Accepting;
using Tailor.Ingestion.Http;
using Tailor.Messaging.Rules;

namespace Tailor.Ingestion.Webhooks;

/// <summary>
/// One webhook request: read the body, check the provider's proof, read the events, accept them. Nothing is stored or
/// published before the proof holds and the payload reads.
/// </summary>
internal sealed class WebhookReceiver(
    WebhookIngestor ingestor,
    IOptions<IngestionOptions> options,
    IOptions<EventTimeOptions> times,
    IngestionMetrics metrics,
    TimeProvider time,
    ILogger<WebhookReceiver> logger)
{
    public async Task<IResult> ReceiveAsync(HttpContext http, IWebhookProvider provider)
    {
        if (!provider.IsConfigured)
        {
            metrics.Rejected("webhook-not-configured");
            return WebhookProblems.NotConfigured(provider.Name);
        }

        // Provider payloads are read as strictly as any other body, signed or not: a signature proves who sent the
        // bytes, not which of two values for a repeated key they meant, so a payload with a duplicate key is a 400 too
        // (no provider documents sending one; a proxy or logger in between could read it differently from Tailor).
        var body = await RequestBody.ReadAsync(http.Request, options.Value.MaxBatchBytes, http.RequestAborted);
        if (body.Document is null)
        {
            metrics.Rejected(body.Reason!);
            return body.Problem!;
        }

        using var document = body.Document;
        var payload = document.RootElement;
        if (await provider.AuthenticateAsync(http.Request, body.Raw, payload, http.RequestAborted) is { } refused)
        {
            metrics.Rejected("webhook-unauthenticated");
            Log.WebhookRefused(logger, provider.Name);
            return refused;
        }

        if (await provider.HandleControlMessageAsync(payload, http.RequestAborted) is { } answered)
        {
            return answered;
        }

        var batch = provider.Read(payload, EventTimeRange.From(times.Value, time.GetUtcNow()));
        if (batch.Events.Count == 0 && !batch.Errors.IsEmpty)
        {
            metrics.Rejected("invalid");
            return IngestionResults.Invalid(batch.Errors);
        }

        return await StoreFailures.AnswerAsync(http, logger, async cancellationToken =>
        {
            var outcome = await ingestor.IngestAsync(provider.Name, batch.Events, cancellationToken);
            await provider.AcceptedAsync(payload, cancellationToken);
            Log.WebhookAccepted(logger, provider.Name, outcome.Accepted, outcome.Held, outcome.HoldFull, outcome.UnknownEmail, outcome.ByAddress, batch.Skipped.Count);
            metrics.WebhookEvents(provider.Name, "accepted", outcome.Accepted);
            metrics.WebhookEvents(provider.Name, "held", outcome.Held);
            metrics.WebhookEvents(provider.Name, "hold_full", outcome.HoldFull);
            metrics.WebhookEvents(provider.Name, "unknown_email", outcome.UnknownEmail);
            metrics.WebhookEvents(provider.Name, "by_address", outcome.ByAddress);
            metrics.WebhookEvents(provider.Name, "skipped", batch.Skipped.Count);
            return Results.Ok(new
            {
                success = true,
                accepted = outcome.Accepted,
                held = outcome.Held,
                holdFull = outcome.HoldFull,
                unknownEmail = outcome.UnknownEmail,
                byAddress = outcome.ByAddress,
                skipped = batch.Skipped.Select(skipped => new { index = skipped.Index, reason = skipped.Reason }),
                rejected = batch.Errors.ToDictionary(),
            });
        });
    }
}
