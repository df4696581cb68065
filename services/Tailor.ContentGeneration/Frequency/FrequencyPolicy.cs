using Tailor.Contracts;

namespace Tailor.ContentGeneration.Frequency;

/// <summary>
/// Decides, from a user's send ledger, whether one more email of a campaign type fits under that type's cap, lowered
/// for saturated users. Pure: the caller brings the ledger, the email's send time and the current time.
/// </summary>
public sealed class FrequencyPolicy
{
    private readonly Dictionary<string, FrequencyCapOptions> _caps;
    private readonly TimeSpan _fatigueLookback;
    private readonly int _fatigueUnengagedSends;
    private readonly int _saturatedCapDivisor;

    public FrequencyPolicy(ContentGenerationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _caps = new Dictionary<string, FrequencyCapOptions>(options.FrequencyCaps, StringComparer.Ordinal);
        DefaultType = options.DefaultCampaignType;
        _fatigueLookback = options.FatigueLookback;
        _fatigueUnengagedSends = options.FatigueUnengagedSends;
        _saturatedCapDivisor = options.SaturatedCapDivisor;
        // A candidate's window reaches one period back from its send time, which is now or later.
        Horizon = _caps.Values.Select(cap => cap.Period).Append(_fatigueLookback).Max();
    }

    public string DefaultType { get; }

    /// <summary>How long a send matters: the longest cap period or the fatigue lookback. Older sends are pruned.</summary>
    public TimeSpan Horizon { get; }

    /// <summary>Whether the type has a cap of its own; any other type is capped as <see cref="DefaultType"/>.</summary>
    public bool HasCap(string campaignType) => _caps.ContainsKey(campaignType);

    public string CapTypeOf(string? campaignType) => campaignType is not null && HasCap(campaignType) ? campaignType : DefaultType;

    /// <param name="userClock">
    /// The user's time zone: a period is counted on their calendar, so a weekly email at one local hour is a week after
    /// the last also across a change of the clocks (167 hours in spring). Null counts in UTC.
    /// </param>
    public FrequencyDecision Decide(SendLedger ledger, string? campaignType, DateTimeOffset sendAt, DateTimeOffset now, TimeZoneInfo? userClock = null)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        var capType = CapTypeOf(campaignType);
        var cap = _caps[capType];
        var fatigue = FatigueScore.Of(
            ledger.Sends.Where(send => !_caps[CapTypeOf(send.CampaignType)].Uncapped), ledger.LastEngagedAt, now, _fatigueLookback, _fatigueUnengagedSends);
        // Types are compared by the cap they fall under now, so a type configured later counts its own history.
        var clock = userClock ?? TimeZoneInfo.Utc;
        var sameType = ledger.Sends.Where(send => CapTypeOf(send.CampaignType) == capType).Select(send => WallClock(send.SendAt, clock));
        var inWindow = BusiestWindow(sameType, WallClock(sendAt, clock), cap.Period);
        if (cap.Uncapped)
        {
            return new FrequencyDecision(capType, StateOf(fatigue, inWindow, null), fatigue, inWindow, null, null, null);
        }

        var effectiveCap = fatigue.IsSaturated ? Math.Max(1, cap.MaxEmails / _saturatedCapDivisor) : cap.MaxEmails;
        var reason = inWindow >= cap.MaxEmails ? SuppressionReasons.FrequencyCap
            : inWindow >= effectiveCap ? SuppressionReasons.Fatigue
            : null;
        return new FrequencyDecision(capType, StateOf(fatigue, inWindow, cap.MaxEmails), fatigue, inWindow, cap.MaxEmails, effectiveCap, reason);
    }

    /// <summary>
    /// The most sends that one period-long stretch containing <paramref name="sendAt"/> already holds. "N per period"
    /// means no stretch of that length, wherever it starts, holds more than N emails. Send times are not in arrival
    /// order: a campaign may be placed days ahead in its window, or before one requested earlier, so a window that
    /// only looks back from the candidate would miss the sends scheduled after it, and one centred on it (a period
    /// either side) would count sends two periods apart together and cap too early. Checking the stretches that start
    /// at the candidate or at an earlier send less than a period before it is enough: any other stretch containing the
    /// candidate holds no more sends than the one starting at its first send.
    /// </summary>
    internal static int BusiestWindow(IEnumerable<DateTimeOffset> sendTimes, DateTimeOffset sendAt, TimeSpan period)
    {
        var near = sendTimes.Where(time => time > sendAt - period && time < sendAt + period).ToList();
        return near.Where(time => time <= sendAt).Append(sendAt)
            .Max(start => near.Count(time => time >= start && time < start + period));
    }

    // The instant as the time its user's clock shows, written as if it were UTC, so that spans between sends are spans
    // of their calendar. Two sends in the hour clocks repeat show one time, which only makes them closer.
    private static DateTimeOffset WallClock(DateTimeOffset instant, TimeZoneInfo clock) =>
        new(TimeZoneInfo.ConvertTime(instant, clock).DateTime, TimeSpan.Zero);

    // Undersaturated is reported, not acted on: caps are never raised above what the sender configured.
    private static FatigueState StateOf(FatigueScore fatigue, int inWindow, int? cap) =>
        fatigue.IsSaturated ? FatigueState.Saturated
        : fatigue.EngagedRecently && fatigue.UnengagedSends == 0 && (cap is null || inWindow * 2 < cap) ? FatigueState.Undersaturated
        : FatigueState.OnTarget;
}
