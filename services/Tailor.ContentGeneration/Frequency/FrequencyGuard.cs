using Tailor.Contracts;
using Tailor.Messaging;
using Tailor.Storage;

namespace Tailor.ContentGeneration.Frequency;

/// <summary>
/// Keeps each user's send ledger and lets an email through only when it fits under its campaign type's cap
/// (<see cref="FrequencyPolicy"/>). Reads, decisions and writes of one user are serialised inside this process only:
/// with more than one ContentGeneration replica, two of them could both let the last email under a cap through, until
/// the store offers an atomic update (a conditional write on the ledger's version); run one replica until then.
/// </summary>
public sealed class FrequencyGuard(IDocumentStore documents, FrequencyPolicy policy, TimeProvider clock) : IDisposable
{
    private readonly KeyedLocks _locks = new();

    /// <summary>
    /// Decides on the email and, when it may go out, writes it into the user's ledger before returning, so the place
    /// under the cap is taken before anyone hears of the email. An email already in the ledger (a retried command) is
    /// let through again without counting twice.
    /// </summary>
    /// <param name="campaignType">The campaign's type; null for the default type.</param>
    public async Task<FrequencyDecision> AdmitAsync(EmailReady email, string? campaignType, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(email);
        var type = campaignType ?? policy.DefaultType;
        using var held = await _locks.AcquireAsync(email.UserId, cancellationToken);
        var now = clock.GetUtcNow();
        var ledger = await ReadAsync(email.UserId, cancellationToken);
        if (ledger.Holds(email.EmailId))
        {
            // Taking back an email an earlier attempt let through could leave a sender holding both it and a suppression.
            // The retry may have placed the email at another hour (a newer send-time slice): the ledger follows it.
            var others = ledger with { Sends = [.. ledger.Sends.Where(send => send.EmailId != email.EmailId)] };
            if (!ledger.Sends.Contains(Send(email, type)))
            {
                await WriteAsync(email.UserId, ledger.WithSend(Send(email, type), now - policy.Horizon), cancellationToken);
            }

            return policy.Decide(others, type, email.SendAt, now) with { SuppressionReason = null, IsRepeat = true };
        }

        var decision = policy.Decide(ledger, type, email.SendAt, now);
        if (decision.Admitted)
        {
            await WriteAsync(email.UserId, ledger.WithSend(Send(email, type), now - policy.Horizon), cancellationToken);
        }

        return decision;
    }

    /// <summary>Notes a human open or click of one of the user's emails: it resets their fatigue.</summary>
    public async Task RecordEngagementAsync(string userId, DateTimeOffset engagedAt, CancellationToken cancellationToken)
    {
        using var held = await _locks.AcquireAsync(userId, cancellationToken);
        var ledger = await ReadAsync(userId, cancellationToken);
        await WriteAsync(userId, ledger.WithEngagement(engagedAt, clock.GetUtcNow() - policy.Horizon), cancellationToken);
    }

    /// <summary>Deletes the user's ledger (erasure).</summary>
    public async Task ForgetAsync(string userId, CancellationToken cancellationToken)
    {
        using var held = await _locks.AcquireAsync(userId, cancellationToken);
        await documents.DeleteAsync(ContentGenerationNames.SendLedgerCollection, userId, cancellationToken);
    }

    public Task<SendLedger?> FindAsync(string userId, CancellationToken cancellationToken) =>
        documents.FindAsync<SendLedger>(ContentGenerationNames.SendLedgerCollection, userId, cancellationToken);

    public void Dispose() => _locks.Dispose();

    private async Task<SendLedger> ReadAsync(string userId, CancellationToken cancellationToken) =>
        await FindAsync(userId, cancellationToken) ?? SendLedger.Empty;

    private Task WriteAsync(string userId, SendLedger ledger, CancellationToken cancellationToken) =>
        documents.PutAsync(ContentGenerationNames.SendLedgerCollection, userId, ledger, cancellationToken);

    private static LedgerSend Send(EmailReady email, string campaignType) => new(email.EmailId, email.CampaignId, campaignType, email.SendAt);
}
