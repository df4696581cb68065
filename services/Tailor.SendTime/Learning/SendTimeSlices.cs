using Microsoft.Extensions.Options;
using Tailor.Profiles;
using Tailor.SendTime.Model;
using Tailor.SendTime.Serving;

namespace Tailor.SendTime.Learning;

/// <summary>
/// A user's profile slice as a pure function of their state, the priors above it and the served model: what SendTime
/// writes (<see cref="SendTimeSliceWriter"/>) and what the offline evaluation places sends by, so both serve the same hours.
/// </summary>
public sealed class SendTimeSlices(ServedPreference served, IOptions<SendTimeOptions> options, TimeProvider clock)
{
    /// <summary>The user's slice against <paramref name="priors"/>.</summary>
    public SendTimeSlice Compute(UserSendTimeState state, SendTimePriors priors)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(priors);
        var posterior = Posterior(state, priors, options.Value);
        var weights = served.Shape(state.Counts.Weights, state.Counts.Events, posterior, priors.Population.Weights);
        if (options.Value.LearnFromSendOutcomes)
        {
            weights = SendOutcomes.Adjust(weights, state.Delivered, state.Engaged, options.Value.SendOutcomePriorDeliveries);
        }

        return new SendTimeSlice(
            weights,
            Array.IndexOf(weights, weights.Max()),
            EvidenceCount(state),
            clock.GetUtcNow(),
            state.TimeZone,
            SendTimeHierarchy.Concentration(state.Counts.Weights, priors.Strengths));
    }

    /// <summary>
    /// The user's hierarchy posterior over the week: their counts, shaped by recency (<see cref="RecentEvidence"/>),
    /// shrunk towards their cohort and the population. What every served model starts from, and the learned model's features.
    /// </summary>
    public static double[] Posterior(UserSendTimeState state, SendTimePriors priors, SendTimeOptions options)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(priors);
        ArgumentNullException.ThrowIfNull(options);
        var counts = RecentEvidence.CountsForPosterior(state, options.RecencyHalfLife);
        return SendTimeHierarchy.Posterior(counts, priors.CohortOf(state.Country)?.Weights, priors.Population.Weights, priors.Strengths);
    }

    /// <summary>The user's best local hour of the week against <paramref name="priors"/>; null for a user with no evidence yet.</summary>
    public int? BestHour(UserSendTimeState state, SendTimePriors priors)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.Counts.Events == 0 ? null : Compute(state, priors).BestHourOfWeek;
    }

    /// <summary>How many occurrences the user's estimate rests on, as the slice and the announcements say.</summary>
    public static int EvidenceCount(UserSendTimeState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return (int)Math.Min(state.Counts.Events, int.MaxValue);
    }
}
