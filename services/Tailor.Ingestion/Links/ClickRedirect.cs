using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tailor.Contracts;
using Tailor.Ingestion.Accepting;
using Tailor.Ingestion.Engagements;
using Tailor.Ingestion.Mapping;
using Tailor.Ingestion.Webhooks;
using Tailor.Links;

namespace Tailor.Ingestion.Links;

/// <summary>
/// A reader clicked a product link (<c>/c/{emailId}/{itemId}?s=…</c>): find where it leads and record the click once,
/// stored then published like a webhook's (or held until its email is stored, like a webhook's). Only a link Tailor signed leads anywhere but the fallback, so the route
/// cannot be used to send people to a page of someone else's choosing, and only such a link is recorded.
/// </summary>
internal sealed class ClickRedirect(
    CatalogVersions catalog,
    EarlyEngagements engagements,
    LinkSignature signature,
    MachineOpens machines,
    IOptions<LinkOptions> links,
    IOptions<IngestionOptions> ingestion,
    TimeProvider time,
    IngestionMetrics metrics,
    ILogger<ClickRedirect> logger)
{
    /// <returns>Where to send the reader: the item's page, or the fallback. Never throws for a store or bus failure.</returns>
    public Task<string> FollowAsync(Guid? emailId, string? itemId, string? linkSignature, string? userAgent, CancellationToken cancellationToken) =>
        LeadAsync(emailId, itemId, linkSignature, userAgent, recordClick: true, cancellationToken);

    /// <summary>Where the link leads, as <see cref="FollowAsync"/> says, recording nothing (a <c>HEAD</c>).</summary>
    public Task<string> DestinationAsync(Guid? emailId, string? itemId, string? linkSignature, CancellationToken cancellationToken) =>
        LeadAsync(emailId, itemId, linkSignature, userAgent: null, recordClick: false, cancellationToken);

    private async Task<string> LeadAsync(
        Guid? emailId, string? itemId, string? linkSignature, string? userAgent, bool recordClick, CancellationToken cancellationToken)
    {
        var fallback = links.Value.FallbackUrl;
        if (emailId is not { } email || itemId is null || !signature.IsValid(email, itemId, linkSignature))
        {
            metrics.Rejected("link-signature");
            return fallback;
        }

        string? destination = null;
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(ingestion.Value.AcceptTimeout);
        try
        {
            destination = await catalog.UrlAsync(itemId, bounded.Token) ?? fallback;
            if (!recordClick)
            {
                return destination;
            }

            var outcome = await engagements.AcceptAsync([Click(email, itemId, destination, machines.IsMachine(userAgent))], bounded.Token);
            if (outcome.Held > 0)
            {
                // Signed, so Tailor wrote it, but its email is not stored yet (or never will be: its user was erased):
                // the click waits for it, and the reader goes on to the item all the same.
                Log.ClickHeld(logger, email);
            }

            return destination;
        }
        catch (Exception failure) when (!cancellationToken.IsCancellationRequested)
        {
            // The reader still gets where they were going; the click is lost, which is better than an error page.
            Log.ClickNotRecorded(logger, email, failure);
            return destination ?? fallback;
        }
    }

    // One event per email, item and kind of clicker: a reader who clicks twice, or a scanner that follows every link
    // again, has one effect; a scanner's click before the reader's does not swallow the reader's. The item is the one the
    // signature vouches for, shown or not.
    private EmailEngagement Click(Guid emailId, string itemId, string destination, bool isMachine) => new(
        EventIds.From($"link:click:{emailId:D}:{(isMachine ? "machine" : "person")}:{itemId}", 0),
        emailId,
        EngagementKind.Click,
        time.GetUtcNow(),
        destination,
        itemId,
        ItemMustBeShown: false,
        isMachine,
        Source: null);
}
