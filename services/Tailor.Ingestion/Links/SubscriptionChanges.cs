using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Tailor.Contracts;
using Tailor.Ingestion.Accepting;
using Tailor.Ingestion.Contacts;
using Tailor.Ingestion.Mapping;
using Tailor.Ingestion.Webhooks;
using Tailor.Storage;

namespace Tailor.Ingestion.Links;

/// <summary>
/// Unsubscribes and resubscribes made through the link in an email. The change is applied to the contact book and the
/// suppression list first, so every user id holding the address is suppressed before the reader (or the mailbox
/// provider's one-click POST) gets an answer; then it is stored and published as an <c>EmailEngaged</c>, as a provider's
/// webhook would be, so every other service learns it too.
/// </summary>
internal sealed class SubscriptionChanges(
    IDocumentStore documents,
    ContactBook contacts,
    AcceptedMessageLog log,
    TimeProvider time,
    IngestionMetrics metrics,
    ILogger<SubscriptionChanges> logger)
{
    public const string Collection = "ingestion.subscription-requests";

    public Task<SentEmail?> FindEmailAsync(Guid emailId, CancellationToken cancellationToken) =>
        documents.FindSentEmailAsync(emailId, cancellationToken);

    /// <param name="kind"><see cref="EngagementKind.Unsubscribe"/> or <see cref="EngagementKind.Resubscribe"/>.</param>
    public async Task ApplyAsync(SentEmail email, EngagementKind kind, CancellationToken cancellationToken)
    {
        if (kind is not (EngagementKind.Unsubscribe or EngagementKind.Resubscribe))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Only unsubscribe and resubscribe come through an email's link.");
        }

        // Written before anything else: a retry after a failure below finds it and repeats the same event at the same
        // time. A conditional update, so two presses at once (the reader's and the mailbox provider's one-click POST,
        // on two replicas) agree on one request and publish one event, as they would one after the other.
        var requestedAt = time.GetUtcNow();
        var stored = await documents.UpdateAsync<SubscriptionRequest>(
            Collection,
            email.EmailId.ToString("D"),
            last => last is not null && last.Kind == kind ? last : Next(email.EmailId, kind, last, requestedAt),
            cancellationToken);
        var request = stored?.Document ?? throw new UnreachableException("A subscription change always leaves a request.");

        var engaged = new EmailEngaged(
            request.EventId, email.UserId, request.At, email.EmailId, email.CampaignId, kind, Url: null, ItemId: null, IsMachineOpen: false);
        await contacts.ApplyAsync(engaged, cancellationToken);
        await log.AcceptAsync([PendingMessage.Of(engaged)], cancellationToken);
        metrics.Engaged(kind, email, isMachineOpen: false);
        Log.SubscriptionChanged(logger, kind, email.EmailId, email.UserId);
    }

    private static SubscriptionRequest Next(Guid emailId, EngagementKind kind, SubscriptionRequest? last, DateTimeOffset at)
    {
        var name = kind == EngagementKind.Unsubscribe ? "unsubscribe" : "resubscribe";
        var after = last?.EventId.ToString("N") ?? "none";
        return new SubscriptionRequest(kind, EventIds.From($"link:{name}:{emailId:D}:after:{after}", 0), at);
    }
}
