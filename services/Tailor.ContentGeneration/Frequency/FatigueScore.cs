namespace Tailor.ContentGeneration.Frequency;

/// <summary>
/// How tired a user is of our email: the sends that went out since their last human open or click, within the lookback.
/// <see cref="Score"/> is that count over the count that makes a user saturated, at most 1.
/// </summary>
/// <param name="EngagedRecently">A human open or click within the lookback.</param>
public sealed record FatigueScore(int UnengagedSends, double Score, bool EngagedRecently)
{
    public bool IsSaturated => Score >= 1;

    /// <param name="sends">The sends that count: the caller leaves out uncapped (transactional) mail, which people rarely open and which is not marketing pressure.</param>
    /// <param name="now">Sends placed after now have not reached the user yet, so their not being read says nothing.</param>
    public static FatigueScore Of(IEnumerable<LedgerSend> sends, DateTimeOffset? lastEngagedAt, DateTimeOffset now, TimeSpan lookback, int saturatedAfter)
    {
        ArgumentNullException.ThrowIfNull(sends);
        ArgumentOutOfRangeException.ThrowIfLessThan(saturatedAfter, 1);
        var since = now - lookback;
        // An engagement with any email, old or new, shows the user still reads: only what was sent after it is unread.
        var unengaged = sends.Count(send => send.SendAt <= now && send.SendAt >= since && (lastEngagedAt is not { } engaged || send.SendAt > engaged));
        return new FatigueScore(unengaged, Math.Min(1.0, (double)unengaged / saturatedAfter), lastEngagedAt >= since);
    }
}
