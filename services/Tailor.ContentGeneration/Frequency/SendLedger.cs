namespace Tailor.ContentGeneration.Frequency;

/// <summary>
/// One user's recent sends and last human engagement (<c>contentgeneration.send-ledger</c>, keyed by user id): what
/// frequency caps and the fatigue score are computed from. Every change drops sends older than the oldest moment any
/// cap period or the fatigue lookback still looks at, so the document stays small.
/// </summary>
/// <param name="Sends">Ordered by <see cref="LedgerSend.SendAt"/>; one entry per email id.</param>
/// <param name="LastEngagedAt">The latest human open or click of any of the user's emails; null when none was seen.</param>
public sealed record SendLedger(IReadOnlyList<LedgerSend> Sends, DateTimeOffset? LastEngagedAt)
{
    public static SendLedger Empty { get; } = new([], null);

    public bool Holds(Guid emailId) => Sends.Any(send => send.EmailId == emailId);

    /// <summary>Adds the send, or replaces the one with its email id (a retry may have placed it differently).</summary>
    public SendLedger WithSend(LedgerSend send, DateTimeOffset keepFrom)
    {
        ArgumentNullException.ThrowIfNull(send);
        return this with { Sends = [.. Sends.Where(kept => kept.EmailId != send.EmailId).Append(send).Where(kept => kept.SendAt >= keepFrom).OrderBy(kept => kept.SendAt)] };
    }

    /// <summary>Notes a human open or click; an older one than already known changes nothing, so redeliveries are harmless.</summary>
    public SendLedger WithEngagement(DateTimeOffset engagedAt, DateTimeOffset keepFrom) =>
        new(
            [.. Sends.Where(kept => kept.SendAt >= keepFrom)],
            LastEngagedAt is { } last && last >= engagedAt ? last : engagedAt);
}
