using Tailor.Contracts;
using Tailor.Storage;

namespace Tailor.ContentGeneration.Frequency;

/// <summary>
/// Keeps each user's send ledger and lets an email through only when it fits under its campaign type's cap
/// (<see cref="FrequencyPolicy"/>). Each decision is made inside a conditional write of the ledger
/// (<see cref="DocumentUpdates.UpdateAsync{TDocument}"/>): when another replica changed the ledger between the read and
/// the write, the write fails and the decision is made again on the newer ledger, so two replicas can never both let
/// the last email under a cap through.
/// </summary>
public sealed class FrequencyGuard(IDocumentStore documents, FrequencyPolicy policy, TimeProvider clock)
{
    /// <summary>
    /// Decides on the email and, when it may go out, writes it into the user's ledger before returning, so the place
    /// under the cap is taken before anyone hears of the email. An email already in the ledger (a retried command, or
    /// a copy of it another replica took) is let through again without counting twice.
    /// </summary>
    /// <param name="campaignType">The campaign's type; null for the default type.</param>
    public async Task<FrequencyDecision> AdmitAsync(EmailReady email, string? campaignType, CancellationToken cancellationToken) =>
        (await AdmitManyAsync([new EmailToAdmit(email, campaignType)], cancellationToken))[0];

    /// <summary>
    /// <see cref="AdmitAsync"/> for a batch's emails at once: every user's ledger read in one query and written in one
    /// conditional bulk write (<see cref="DocumentUpdates.UpdateManyAsync{TDocument}"/>), instead of two round trips per
    /// email. A user with several emails in the batch has them decided one after another, in the batch's order, as
    /// separate calls would; a ledger another replica changed meanwhile is read again and decided afresh.
    /// </summary>
    /// <returns>The decisions, in the order of <paramref name="emails"/>.</returns>
    public async Task<IReadOnlyList<FrequencyDecision>> AdmitManyAsync(IReadOnlyList<EmailToAdmit> emails, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(emails);
        var now = clock.GetUtcNow();
        var positionsByUser = emails
            .Select((entry, position) => (entry, position))
            .GroupBy(pair => pair.entry.Email.UserId, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.Select(pair => pair.position).ToList(), StringComparer.Ordinal);
        var decisions = new FrequencyDecision[emails.Count];
        await documents.UpdateManyAsync<SendLedger>(
            ContentGenerationNames.SendLedgerCollection,
            positionsByUser.Keys,
            (userId, stored) =>
            {
                // Decided afresh on every attempt, from the ledger this attempt read.
                var ledger = stored;
                foreach (var position in positionsByUser[userId])
                {
                    var (email, campaignType, userClock) = emails[position];
                    var send = new LedgerSend(email.EmailId, email.CampaignId, campaignType ?? policy.DefaultType, email.SendAt);
                    (decisions[position], var admitted) = Admit(ledger ?? SendLedger.Empty, send, email.SendAt, now, userClock);
                    ledger = admitted ?? ledger;
                }

                return ledger;
            },
            cancellationToken: cancellationToken);
        return decisions;
    }

    /// <summary>
    /// Whether the ledger keeps a send at <paramref name="sendAt"/> (sends older than the longest cap period are pruned
    /// at once): only then does a later attempt of the same email find it there and come back as a repeat.
    /// </summary>
    public bool Remembers(DateTimeOffset sendAt) => sendAt >= clock.GetUtcNow() - policy.Horizon;

    /// <summary>Notes a human open or click of one of the user's emails: it resets their fatigue.</summary>
    public async Task RecordEngagementAsync(string userId, DateTimeOffset engagedAt, CancellationToken cancellationToken)
    {
        var keepFrom = clock.GetUtcNow() - policy.Horizon;
        await documents.UpdateAsync<SendLedger>(
            ContentGenerationNames.SendLedgerCollection,
            userId,
            stored =>
            {
                var updated = (stored ?? SendLedger.Empty).WithEngagement(engagedAt, keepFrom);
                // A repeat of a known engagement (a redelivery) changes nothing, and writes nothing.
                return stored is not null && updated.LastEngagedAt == stored.LastEngagedAt && updated.Sends.Count == stored.Sends.Count ? stored : updated;
            },
            cancellationToken);
    }

    /// <summary>Deletes the user's ledger (erasure).</summary>
    public Task ForgetAsync(string userId, CancellationToken cancellationToken) =>
        documents.DeleteAsync(ContentGenerationNames.SendLedgerCollection, userId, cancellationToken);

    public Task<SendLedger?> FindAsync(string userId, CancellationToken cancellationToken) =>
        documents.FindAsync<SendLedger>(ContentGenerationNames.SendLedgerCollection, userId, cancellationToken);

    /// <summary>The decision on <paramref name="send"/> and the ledger to write for it; a null ledger writes nothing.</summary>
    private (FrequencyDecision Decision, SendLedger? Ledger) Admit(SendLedger ledger, LedgerSend send, DateTimeOffset sendAt, DateTimeOffset now, TimeZoneInfo? userClock)
    {
        var keepFrom = now - policy.Horizon;
        if (ledger.Holds(send.EmailId))
        {
            // Taking back an email an earlier attempt let through could leave a sender holding both it and a suppression.
            // The retry may have placed the email at another hour (a newer send-time slice): the ledger follows it.
            var others = ledger with { Sends = [.. ledger.Sends.Where(kept => kept.EmailId != send.EmailId)] };
            var repeat = policy.Decide(others, send.CampaignType, sendAt, now, userClock) with { SuppressionReason = null, IsRepeat = true };
            return (repeat, ledger.Sends.Contains(send) ? null : ledger.WithSend(send, keepFrom));
        }

        var decision = policy.Decide(ledger, send.CampaignType, sendAt, now, userClock);
        return (decision, decision.Admitted ? ledger.WithSend(send, keepFrom) : null);
    }
}
