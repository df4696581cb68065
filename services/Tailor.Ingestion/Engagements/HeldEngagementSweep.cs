using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tailor.Ingestion.Accepting;
using Tailor.Storage;

namespace Tailor.Ingestion.Engagements;

/// <summary>
/// Deletes the held engagements of emails that were never stored within <see cref="EarlyEngagementOptions.Hold"/> (an
/// email Tailor did not write, or whose user was erased), or <see cref="EarlyEngagementOptions.ConsentHold"/> for a
/// document that holds an unsubscribe or resubscribe, as Ingestion starts and every
/// <see cref="EarlyEngagementOptions.SweepInterval"/>. Every replica sweeps; a document both delete is counted by the one
/// whose delete removed it.
/// </summary>
internal sealed class HeldEngagementSweep(
    IDocumentStore documents,
    IngestionMetrics metrics,
    IOptions<EarlyEngagementOptions> options,
    TimeProvider time,
    ILogger<HeldEngagementSweep> logger) : BackgroundService
{
    /// <summary>Deletes the documents of days past the hold (<see cref="HeldEngagementDays.IsSwept"/>), or past the consent hold for one holding a consent change.</summary>
    /// <returns>How many engagements they held, counted as expired (consent changes as <c>consent_expired</c>).</returns>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var hold = options.Value;
        var past = new List<(string Id, int Engagements, int ConsentChanges)>();
        await foreach (var (id, held) in documents.ListAsync<HeldEngagements>(EarlyEngagements.Collection, cancellationToken))
        {
            var consentChanges = held.Engagements.Count(EarlyEngagements.IsConsentChange);
            if (HeldEngagementDays.IsSwept(id, now, consentChanges > 0 ? hold.ConsentHold : hold.Hold))
            {
                past.Add((id, held.Engagements.Count, consentChanges));
            }
        }

        var (expired, consentExpired, emails) = (0, 0, 0);
        foreach (var (id, engagements, consentChanges) in past)
        {
            if (await documents.DeleteAsync(EarlyEngagements.Collection, id, cancellationToken))
            {
                expired += engagements;
                consentExpired += consentChanges;
                emails++;
            }
        }

        EarlyEngagements.CountExpired(metrics, logger, expired, consentExpired);
        if (expired > 0)
        {
            Log.Expired(logger, expired, emails, hold.Hold, hold.ConsentHold);
        }

        return expired;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            do
            {
                try
                {
                    await SweepAsync(stoppingToken);
                }
                catch (Exception failure) when (!stoppingToken.IsCancellationRequested)
                {
                    // Nothing is lost by a sweep that fails: what it would have deleted waits for the next one.
                    Log.SweepFailed(logger, failure);
                }

                await Task.Delay(options.Value.SweepInterval, time, stoppingToken);
            }
            while (!stoppingToken.IsCancellationRequested);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }
}
