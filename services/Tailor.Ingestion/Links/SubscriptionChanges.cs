using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Tailor.Contracts;
using Tailor.Ingestion.Accepting;
using Tailor.Ingestion.Contacts;
using Tailor.Ingestion.Engagements;
using Tailor.Ingestion.Mapping;
using Tailor.Ingestion.Webhooks;
using Tailor.Storage;

namespace Tailor.Ingestion.Links;

/// <summary>
/// Unsubscribes and resubscribes made through the link in an email. The change is applied to the contact book and the
/// suppression list first, so every user id holding the address is suppressed before the reader (or the mailbox
/// provider's one-click POST) gets an answer; then it is stored and published as an <c>EmailEngaged</c>, as a provider's
/// webhook would be, so every other service learns it too. A change whose email is not stored yet is held with the
/// other early engagements (<see cref="EarlyEngagements"/>) and applied here, at the time it was made, once it is.
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

    /// <summary>How many presses that made a change an email's request remembers: far more than anyone presses between two releases.</summary>
    public const int AppliedPressesKept = 32;

    public static bool IsChange(EngagementKind kind) => kind is EngagementKind.Unsubscribe or EngagementKind.Resubscribe;

    /// <summary>
    /// A press of the link's button, now, as it waits if its email is not stored yet. Its id names this press only, not
    /// the time (two presses can carry one time: a fixed clock, a coarse one): a press pressed again is a second press,
    /// which <see cref="ApplyAsync"/> finds already in effect. The event published is named by <see cref="ApplyAsync"/>,
    /// after the change applied before it.
    /// </summary>
    /// <param name="kind"><see cref="EngagementKind.Unsubscribe"/> or <see cref="EngagementKind.Resubscribe"/>.</param>
    public EmailEngagement Press(Guid emailId, EngagementKind kind)
    {
        ThrowIfNotChange(kind);
        var at = time.GetUtcNow();
        return new EmailEngagement(
            Guid.NewGuid(), emailId, kind, at, Url: null, ItemId: null, ItemMustBeShown: false, IsMachineOpen: false, Source: null, IsLinkPress: true);
    }

    /// <summary>
    /// Applies a press of this email's link, at once or after it was held. A press applied before (by its id) does
    /// nothing; so does a released one older than the change last applied (a release repeated, or undone by a newer press).
    /// </summary>
    /// <param name="released">
    /// True for a press that waited for its email (<see cref="EarlyEngagements"/>), whose time orders it among the
    /// others; false for one pressed after the email was stored, which always follows the change the reader saw, whatever
    /// the clocks of the replicas that took the two say.
    /// </param>
    public async Task ApplyAsync(SentEmail email, EmailEngagement change, bool released, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(email);
        ArgumentNullException.ThrowIfNull(change);
        ThrowIfNotChange(change.Kind);
        if (!change.IsLinkPress)
        {
            throw new ArgumentException("Only a press of the email's link is applied here; a provider's report is accepted as it stands.", nameof(change));
        }

        var kind = change.Kind;

        // Written before anything else: a retry after a failure below finds it and repeats the same event at the same
        // time. A conditional update, so two presses at once (the reader's and the mailbox provider's one-click POST,
        // on two replicas) agree on one request and publish one event, as they would one after the other. Held presses
        // are applied in the order they were made; one older than the last applied was applied before (or is undone by
        // a newer one), so a release repeated after a failure, or two at once, publish each change once. A press made
        // directly is not compared by time: replicas' clocks differ by milliseconds, and a resubscribe taken by one
        // whose clock is behind must not be skipped while its page says it worked.
        var stored = await documents.UpdateAsync<SubscriptionRequest>(
            Collection,
            email.EmailId.ToString("D"),
            last => last is not null
                && (last.Kind == kind || (released && last.At > change.OccurredAt) || (last.AppliedPresses?.Contains(change.EventId) ?? false))
                ? last
                : Next(email.EmailId, kind, last, change),
            cancellationToken);
        var request = stored?.Document ?? throw new UnreachableException("A subscription change always leaves a request.");
        if (request.Kind != kind)
        {
            return;
        }

        var engaged = new EmailEngaged(
            request.EventId, email.UserId, request.At, email.EmailId, email.CampaignId, kind, Url: null, ItemId: null, IsMachineOpen: false);
        await contacts.ApplyAsync(engaged, cancellationToken);
        await log.AcceptAsync([PendingMessage.Of(engaged)], cancellationToken);
        metrics.Engaged(kind, email, isMachineOpen: false);
        Log.SubscriptionChanged(logger, kind, email.EmailId, email.UserId);
    }

    private static SubscriptionRequest Next(Guid emailId, EngagementKind kind, SubscriptionRequest? last, EmailEngagement press)
    {
        var after = last?.EventId.ToString("N") ?? "none";
        return new SubscriptionRequest(
            kind,
            EventIds.From($"link:{Name(kind)}:{emailId:D}:after:{after}", 0),
            // Never before the change it follows: the contact book and the suppression list keep the newest by time,
            // and would ignore a direct press dated a few milliseconds earlier by a replica whose clock is behind.
            last is null || press.OccurredAt > last.At ? press.OccurredAt : last.At,
            [.. (last?.AppliedPresses ?? []).Append(press.EventId).TakeLast(AppliedPressesKept)]);
    }

    private static string Name(EngagementKind kind) => kind == EngagementKind.Unsubscribe ? "unsubscribe" : "resubscribe";

    private static void ThrowIfNotChange(EngagementKind kind)
    {
        if (!IsChange(kind))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Only unsubscribe and resubscribe come through an email's link.");
        }
    }
}
