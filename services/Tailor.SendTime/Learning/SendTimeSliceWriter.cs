using Microsoft.Extensions.Options;
using Tailor.Contracts;
using Tailor.Profiles;
using Tailor.SendTime.Model;
using Tailor.SendTime.Serving;

namespace Tailor.SendTime.Learning;

/// <summary>Turns a user's state and the priors above it, shaped by the served model, into their profile slice and, when it moved, the announcement of their best hour.</summary>
public sealed class SendTimeSliceWriter(IProfileCache profiles, ServedPreference served, IOptions<SendTimeOptions> options, TimeProvider clock)
{
    /// <summary>Writes the user's slice and returns their best local hour of the week; null, and nothing written, for a user with no evidence yet.</summary>
    public async Task<int?> WriteAsync(
        string userId, UserSendTimeState state, HourOfWeekCounts? cohort, HourOfWeekCounts population, PriorStrengths strengths, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(population);
        if (state.Counts.Events == 0)
        {
            return null;
        }

        var posterior = SendTimeHierarchy.Posterior(state.Counts.Weights, cohort?.Weights, population.Weights, strengths);
        var weights = served.Shape(state.Counts.Weights, state.Counts.Events, posterior, population.Weights);
        if (options.Value.LearnFromSendOutcomes)
        {
            weights = SendOutcomes.Adjust(weights, state.Delivered, state.Engaged, options.Value.SendOutcomePriorDeliveries);
        }
        var bestHour = Array.IndexOf(weights, weights.Max());
        var slice = new SendTimeSlice(
            weights,
            bestHour,
            EvidenceCount(state),
            clock.GetUtcNow(),
            state.TimeZone,
            SendTimeHierarchy.Concentration(state.Counts.Weights, strengths));
        await profiles.WriteSliceAsync(userId, slice, cancellationToken);
        return bestHour;
    }

    public SendTimeUpdated Announce(Guid eventId, string userId, UserSendTimeState state, int bestHour)
    {
        ArgumentNullException.ThrowIfNull(state);
        return new SendTimeUpdated(eventId, userId, clock.GetUtcNow(), bestHour, EvidenceCount(state), state.TimeZone);
    }

    private static int EvidenceCount(UserSendTimeState state) => (int)Math.Min(state.Counts.Events, int.MaxValue);
}
