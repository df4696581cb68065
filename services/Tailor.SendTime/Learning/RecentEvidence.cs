using System.Text.Json.Serialization;
using Tailor.Contracts;

namespace Tailor.SendTime.Learning;

/// <summary>
/// A user's evidence per local hour of the week again, each occurrence weighted by how recent it is: halved for every
/// <see cref="SendTimeOptions.RecencyHalfLife"/> it lies before the newest (<paramref name="AsOf"/>, weighted 1).
/// People's hours drift (a new job, a new season), so where a customer's recent orders and their old ones disagree,
/// the recent ones say more about when the next email will be read.
/// </summary>
/// <remarks>
/// Recency changes which hours the evidence points to, not how much of it there is: the posterior reads the user's
/// counts with this shape and their full weight (<see cref="CountsForPosterior"/>), so the prior strengths, fitted on
/// the full counts, still say how far to trust them. Being relative to the newest occurrence, it needs no clock: a
/// user's estimate does not change while they are silent, and the same evidence gives the same weights in any order.
/// </remarks>
/// <param name="Weights">The recency-weighted evidence per local hour of the week, in the user's zone.</param>
/// <param name="AsOf">The start of the newest occurrence's hour, which weighs 1.</param>
/// <param name="Events">How many occurrences it holds: equal to the counts' when it is current.</param>
public sealed record RecentEvidence([property: JsonConverter(typeof(PackedDoublesJsonConverter))] double[] Weights, DateTimeOffset AsOf, long Events)
{
    /// <summary>
    /// The counts the hierarchy's posterior reads for <paramref name="state"/>: their total weight, spread over the
    /// hours as the recency-weighted evidence is. The counts as they are when recency is off (a zero
    /// <paramref name="halfLife"/>) or the state holds no recency-weighted evidence in step with its counts (written
    /// before it was kept, or while recency was off).
    /// </summary>
    public static double[] CountsForPosterior(UserSendTimeState state, TimeSpan halfLife)
    {
        ArgumentNullException.ThrowIfNull(state);
        var counts = state.Counts.Weights;
        if (halfLife <= TimeSpan.Zero || state.Recent is not { } recent || recent.Events != state.Counts.Events)
        {
            return counts;
        }

        var total = counts.Sum();
        var recentTotal = recent.Weights.Sum();
        return recentTotal > 0 ? [.. recent.Weights.Select(weight => weight * total / recentTotal)] : counts;
    }

    /// <summary>
    /// Where a fold starts from: <paramref name="state"/>'s recency-weighted evidence when it is in step with the
    /// counts; otherwise the counts themselves, all taken as of <paramref name="firstNew"/> (their times are not
    /// known), so a state written before recency was kept loses none of its evidence.
    /// </summary>
    public static RecentEvidence StartingFrom(UserSendTimeState state, DateTimeOffset firstNew)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.Recent is { } recent && recent.Events == state.Counts.Events
            ? recent
            : new RecentEvidence(state.Counts.Weights, firstNew, state.Counts.Events);
    }

    /// <summary>
    /// This with <paramref name="evidence"/> added, which happened at <paramref name="at"/> (its occurrence's hour), as
    /// a new instance: an occurrence newer than <see cref="AsOf"/> becomes the new reference and what was there is
    /// halved per half-life between them; an older one is added at its own weight.
    /// </summary>
    public RecentEvidence Plus(HourEvidence evidence, DateTimeOffset at, TimeSpan halfLife)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(halfLife, TimeSpan.Zero);
        var asOf = at > AsOf ? at : AsOf;
        var kept = Decay(asOf - AsOf, halfLife);
        var weights = Weights.Select(weight => weight * kept).ToArray();
        weights[evidence.HourOfWeek] += evidence.Weight * Decay(asOf - at, halfLife);
        return new RecentEvidence(weights, asOf, Events + (evidence.IsOccurrence ? 1 : 0));
    }

    private static double Decay(TimeSpan age, TimeSpan halfLife) => Math.Pow(0.5, age / halfLife);
}
