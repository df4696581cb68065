using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tailor.Contracts;
using Tailor.Ingestion.Accepting;
using Tailor.Ingestion.Mapping;
using Tailor.Ingestion.Webhooks;
using Tailor.Links;
using Tailor.Storage;

namespace Tailor.Ingestion.Links;

/// <summary>
/// A reader clicked a product link (<c>/c/{emailId}/{itemId}?s=…</c>): find where it leads and record the click once,
/// stored then published like a webhook's. Only a link Tailor signed leads anywhere but the fallback, so the route
/// cannot be used to send people to a page of someone else's choosing, and only such a link is recorded.
/// </summary>
internal sealed class ClickRedirect(
    IDocumentStore documents,
    CatalogVersions catalog,
    AcceptedMessageLog log,
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

            if (await documents.FindSentEmailAsync(email, bounded.Token) is not { } sent)
            {
                // Signed, so Tailor wrote it, but its email is gone (its user was erased) or not yet known: lead the
                // reader to the item all the same, and learn nothing.
                Log.ClickOnUnknownEmail(logger, email);
                return destination;
            }

            var isMachine = machines.IsMachine(userAgent);
            await log.AcceptAsync([PendingMessage.Of(Click(sent, itemId, destination, isMachine))], bounded.Token);
            metrics.Engaged(EngagementKind.Click, sent, isMachine);
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
    // again, has one effect; a scanner's click before the reader's does not swallow the reader's.
    private EmailEngaged Click(SentEmail sent, string itemId, string destination, bool isMachine) => new(
        EventIds.From($"link:click:{sent.EmailId:D}:{(isMachine ? "machine" : "person")}:{itemId}", 0),
        sent.UserId,
        time.GetUtcNow(),
        sent.EmailId,
        sent.CampaignId,
        EngagementKind.Click,
        destination,
        itemId,
        isMachine);
}
