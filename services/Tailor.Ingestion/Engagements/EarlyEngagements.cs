using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tailor.Ingestion.Accepting;
using Tailor.Ingestion.Links;
using Tailor.Ingestion.Webhooks;
using Tailor.Storage;

namespace Tailor.Ingestion.Engagements;

/// <summary>
/// Accepts engagements with Tailor's emails (stored, then published as <c>EmailEngaged</c>), and holds, durably in the
/// store, those that arrive before their email is: a provider's webhook or a reader's click can overtake the
/// <c>EmailsWritten</c> page that tells Ingestion the email exists (a big campaign, Ingestion restarting, a sender faster
/// than Ingestion). <see cref="EmailsWrittenConsumer"/> releases them once it has stored the email. An unsubscribe or
/// resubscribe through the email's own link is held the same way, longer (<see cref="EarlyEngagementOptions.ConsentHold"/>),
/// and applied through <see cref="SubscriptionChanges"/> in the order the reader made them.
/// </summary>
/// <remarks>
/// Holding an engagement and storing its email may run at once, on one replica or two, with no lock between them. Each
/// writes its own document first and reads the other's after: an engagement is held, then its email looked up again; an
/// email is stored, then its held engagements read. Whichever comes second sees the other's write, so nothing waits for
/// an email already stored. A release deletes the documents it read after accepting them; an engagement added to one
/// since was held after the email was stored, so the replica that held it finds the email and accepts it itself.
/// </remarks>
internal sealed class EarlyEngagements(
    IDocumentStore documents,
    AcceptedMessageLog log,
    SubscriptionChanges subscriptions,
    IngestionMetrics metrics,
    IOptions<EarlyEngagementOptions> options,
    TimeProvider time,
    ILogger<EarlyEngagements> logger)
{
    public const string Collection = "ingestion.early-engagements";

    /// <summary>Accepts each engagement whose email is stored and holds the others until it is; throws when the store or the bus does.</summary>
    public async Task<EngagementOutcome> AcceptAsync(IReadOnlyList<EmailEngagement> engagements, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(engagements);
        if (engagements.Count == 0)
        {
            return new EngagementOutcome(0, 0, 0);
        }

        var emails = await documents.FindSentEmailsAsync([.. engagements.Select(engagement => engagement.EmailId)], cancellationToken);
        await AcceptAsync(
            [.. engagements.Where(engagement => emails.ContainsKey(engagement.EmailId)).Select(engagement => (engagement, emails[engagement.EmailId]))], released: false, cancellationToken);
        var early = engagements.Where(engagement => !emails.ContainsKey(engagement.EmailId)).ToList();
        if (early.Count == 0)
        {
            return new EngagementOutcome(engagements.Count, 0, 0);
        }

        var refusedByEmail = await HoldAsync(early, cancellationToken);

        // An email stored since the lookup above may have had its held engagements released before these were held.
        var storedMeanwhile = await documents.FindSentEmailsAsync([.. early.Select(engagement => engagement.EmailId)], cancellationToken);
        if (storedMeanwhile.Count > 0)
        {
            await ReleaseAsync([.. storedMeanwhile.Values], [.. early.Where(engagement => storedMeanwhile.ContainsKey(engagement.EmailId))], cancellationToken);
        }

        var stillEarly = early.Count(engagement => !storedMeanwhile.ContainsKey(engagement.EmailId));
        var refused = refusedByEmail.Where(pair => !storedMeanwhile.ContainsKey(pair.Key)).Sum(pair => pair.Value);
        return new EngagementOutcome(engagements.Count - stillEarly, stillEarly - refused, refused);
    }

    /// <summary>
    /// Accepts what was held for these just-stored emails, as it would have been accepted had it come after them, then
    /// deletes it. Accepted before it is deleted: a failure in between repeats the accept, whose event ids dedupe.
    /// </summary>
    public Task ReleaseAsync(IReadOnlyCollection<SentEmail> emails, CancellationToken cancellationToken) =>
        ReleaseAsync(emails, [], cancellationToken);

    /// <param name="alsoAccept">Engagements of these emails this replica held a moment ago, which another release may have deleted unread.</param>
    private async Task ReleaseAsync(IReadOnlyCollection<SentEmail> emails, IReadOnlyList<EmailEngagement> alsoAccept, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var byId = emails.DistinctBy(email => email.EmailId).ToDictionary(email => email.EmailId);
        var held = await documents.FindManyVersionedAsync<HeldEngagements>(
            Collection,
            [.. byId.Values.SelectMany(email => HeldEngagementDays.Releasable(email.EmailId, email.WrittenAt, now, options.Value.LongestHold))],
            cancellationToken);
        if (held.Count == 0 && alsoAccept.Count == 0)
        {
            return;
        }

        var waiting = held.Values
            .SelectMany(document => document.Document.Engagements)
            .Where(engagement => !IsExpired(engagement, now))
            .Select(engagement => engagement.Engagement);
        await AcceptAsync(
            [.. alsoAccept.Concat(waiting).DistinctBy(engagement => engagement.EventId).Select(engagement => (engagement, byId[engagement.EmailId]))],
            released: true,
            cancellationToken);

        // Counted by the release whose delete removed the document, so two releases at once count it once.
        var (released, expired, consentExpired) = (0, 0, 0);
        foreach (var (id, document) in held)
        {
            if (await documents.DeleteAsync(Collection, id, cancellationToken))
            {
                var engagements = document.Document.Engagements;
                var expiredHere = engagements.Count(engagement => IsExpired(engagement, now));
                consentExpired += engagements.Count(engagement => IsExpired(engagement, now) && IsConsentChange(engagement));
                expired += expiredHere;
                released += engagements.Count - expiredHere;
            }
        }

        CountExpired(metrics, logger, expired, consentExpired);
        metrics.EarlyEngagements("released", released);
        if (released + expired > 0)
        {
            Log.Released(logger, released, expired);
        }
    }

    /// <summary>
    /// Counts what waited past its hold: an engagement as <c>expired</c>, an unsubscribe or resubscribe as
    /// <c>consent_expired</c>, logged at Warning, for a consent change was lost (<see cref="EarlyEngagementOptions.ConsentHold"/>).
    /// </summary>
    internal static void CountExpired(IngestionMetrics metrics, ILogger logger, int expired, int consentExpired)
    {
        metrics.EarlyEngagements("expired", expired - consentExpired);
        metrics.EarlyEngagements("consent_expired", consentExpired);
        if (consentExpired > 0)
        {
            Log.ConsentChangesExpired(logger, consentExpired);
        }
    }

    /// <summary>Whether it waited past its hold: <see cref="EarlyEngagementOptions.ConsentHold"/> for a consent change, else <see cref="EarlyEngagementOptions.Hold"/>.</summary>
    internal bool IsExpired(HeldEngagement engagement, DateTimeOffset now) => IsExpired(engagement, now, options.Value);

    internal static bool IsExpired(HeldEngagement engagement, DateTimeOffset now, EarlyEngagementOptions options) =>
        engagement.HeldAt + (IsConsentChange(engagement) ? options.ConsentHold : options.Hold) < now;

    // By kind, whoever reported it: a provider's unsubscribe or resubscribe waits as long as a press of the link.
    internal static bool IsConsentChange(HeldEngagement engagement) => SubscriptionChanges.IsChange(engagement.Engagement.Kind);

    /// <summary>
    /// Erasure: deletes whatever is still held for these emails of the user's (a release interrupted before its delete),
    /// in every document the sweep has not deleted (<see cref="HeldEngagementDays.Unswept"/>): nothing older is left but
    /// what a failed sweep left, which the next one deletes. What is held for an email not stored yet names no user, so
    /// it cannot be found by one: it expires, or is released with its email (<see cref="HeldEngagementSweep"/>).
    /// </summary>
    public async Task ForgetAsync(IReadOnlyCollection<Guid> emailIds, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        foreach (var id in emailIds.Distinct().SelectMany(emailId => HeldEngagementDays.Unswept(emailId, now, options.Value.LongestHold, options.Value.SweepInterval)))
        {
            await documents.DeleteAsync(Collection, id, cancellationToken);
        }
    }

    /// <param name="released">Whether these waited for their email: see <see cref="SubscriptionChanges.ApplyAsync"/>.</param>
    private async Task AcceptAsync(IReadOnlyList<(EmailEngagement Engagement, SentEmail Email)> known, bool released, CancellationToken cancellationToken)
    {
        var engagements = known.Where(pair => !pair.Engagement.IsLinkPress).ToList();
        await log.AcceptAsync([.. engagements.Select(pair => PendingMessage.Of(pair.Engagement.ToMessage(pair.Email)))], cancellationToken);
        foreach (var (engagement, email) in engagements)
        {
            metrics.Engaged(engagement.Kind, email, engagement.IsMachineOpen);
        }

        // One at a time, in the order the reader made them: unsubscribing then resubscribing ends subscribed.
        foreach (var (change, email) in known.Where(pair => pair.Engagement.IsLinkPress).OrderBy(pair => pair.Engagement.OccurredAt))
        {
            await subscriptions.ApplyAsync(email, change, released, cancellationToken);
        }
    }

    /// <summary>
    /// Adds the engagements to today's document of each email, up to <see cref="EarlyEngagementOptions.MaxPerEmail"/>; an
    /// event held before is kept once. An unsubscribe or resubscribe is never refused and does not count, whoever reported
    /// it: a provider's is kept once per event, and a press of the email's link of the kind the email's last held press
    /// already is (a press repeated) is kept once, as <see cref="SubscriptionChanges.ApplyAsync"/> would apply it once.
    /// </summary>
    /// <returns>By email, how many engagements found its document full.</returns>
    private async Task<IReadOnlyDictionary<Guid, int>> HoldAsync(IReadOnlyList<EmailEngagement> early, CancellationToken cancellationToken)
    {
        var heldAt = time.GetUtcNow();
        var most = options.Value.MaxPerEmail;
        var day = HeldEngagementDays.DayOf(heldAt);
        var byDocument = early
            .GroupBy(engagement => engagement.EmailId)
            .ToDictionary(email => HeldEngagementDays.Id(email.Key, day), email => (EmailId: email.Key, Engagements: email.DistinctBy(engagement => engagement.EventId).ToList()));

        // Set afresh on each call of the change, so what it says is what the write that landed did.
        var (added, refused) = (new Dictionary<string, int>(), new Dictionary<string, int>());
        await documents.UpdateManyAsync<HeldEngagements>(
            Collection,
            byDocument.Keys,
            (id, document) =>
            {
                var (emailId, engagements) = byDocument[id];
                var present = document?.Engagements ?? [];
                var heldBefore = present.Select(held => held.Engagement.EventId).ToHashSet();
                var fresh = engagements.Where(engagement => !heldBefore.Contains(engagement.EventId)).ToList();
                var counted = fresh.Where(engagement => !SubscriptionChanges.IsChange(engagement.Kind)).ToList();
                var reported = fresh.Where(engagement => SubscriptionChanges.IsChange(engagement.Kind) && !engagement.IsLinkPress).ToList();
                var room = Math.Max(0, most - present.Count(held => !IsConsentChange(held)));
                var changes = NewConsentChanges(present, engagements);
                added[id] = Math.Min(room, counted.Count) + reported.Count + changes.Count;
                refused[id] = counted.Count - Math.Min(room, counted.Count);
                return added[id] == 0
                    ? document
                    : new HeldEngagements(emailId, [.. present, .. counted.Take(room).Concat(reported).Concat(changes).Select(engagement => new HeldEngagement(engagement, heldAt))]);
            },
            cancellationToken: cancellationToken);

        metrics.EarlyEngagements("held", added.Values.Sum());
        metrics.EarlyEngagements("hold_full", refused.Values.Sum());
        if (refused.Values.Sum() is var full and > 0)
        {
            Log.HoldFull(logger, full, most);
        }

        return byDocument.ToDictionary(document => document.Value.EmailId, document => refused.GetValueOrDefault(document.Key));
    }

    // The link presses among these that change something after what the document holds: a press repeated, before
    // or after another kind, is held once.
    private static List<EmailEngagement> NewConsentChanges(IReadOnlyList<HeldEngagement> present, IReadOnlyList<EmailEngagement> engagements)
    {
        var last = present.LastOrDefault(held => held.Engagement.IsLinkPress)?.Engagement.Kind;
        var changes = new List<EmailEngagement>();
        foreach (var change in engagements.Where(engagement => engagement.IsLinkPress).OrderBy(change => change.OccurredAt))
        {
            if (change.Kind != last)
            {
                changes.Add(change);
                last = change.Kind;
            }
        }

        return changes;
    }
}

/// <param name="Accepted">Engagements whose email is stored: stored and published (a retry counts again, with one effect).</param>
/// <param name="Held">Engagements of emails not stored yet, waiting for them.</param>
/// <param name="HoldFull">Engagements of emails not stored yet that found the email's hold full (<see cref="EarlyEngagementOptions.MaxPerEmail"/>): dropped.</param>
internal sealed record EngagementOutcome(int Accepted, int Held, int HoldFull);
