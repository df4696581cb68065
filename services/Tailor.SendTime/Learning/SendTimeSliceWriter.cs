using Microsoft.Extensions.Options;
using Tailor.Contracts;
using Tailor.Profiles;
using Tailor.SendTime.Model;
using Tailor.SendTime.Serving;
using Tailor.Storage;

namespace Tailor.SendTime.Learning;

/// <summary>Turns a user's state and the priors above it, shaped by the served model, into their profile slice and, when it moved, the announcement of their best hour.</summary>
public sealed class SendTimeSliceWriter(
    IProfileCache profiles, IDocumentStore documents, ServedPreference served, IOptions<SendTimeOptions> options, TimeProvider clock)
{
    /// <summary>The user's slice against <paramref name="priors"/>: a pure function of both (and the served model).</summary>
    public SendTimeSlice Compute(UserSendTimeState state, SendTimePriors priors)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(priors);
        var cohort = priors.CohortOf(state.Country);
        var posterior = SendTimeHierarchy.Posterior(state.Counts.Weights, cohort?.Weights, priors.Population.Weights, priors.Strengths);
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

    /// <summary>The user's best local hour of the week against <paramref name="priors"/>; null for a user with no evidence yet.</summary>
    public int? BestHour(UserSendTimeState state, SendTimePriors priors)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.Counts.Events == 0 ? null : Compute(state, priors).BestHourOfWeek;
    }

    /// <summary>
    /// Writes the slice of the state this caller stored, and of any newer state another replica stored meanwhile
    /// (<see cref="StoredSliceWrites.WriteLatestSliceAsync{TDocument, TSlice}"/>), so the newest state's slice is the one
    /// left. Nothing is written for a user with no evidence yet.
    /// </summary>
    public async Task WriteLatestAsync(string userId, Versioned<UserSendTimeState> stored, SendTimePriors priors, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stored);
        if (stored.Document.Counts.Events == 0)
        {
            return;
        }

        await profiles.WriteLatestSliceAsync(
            documents, SendTimeNames.UsersCollection, userId, stored, state => Compute(state, priors), cancellationToken);
    }

    public SendTimeUpdated Announce(Guid eventId, string userId, UserSendTimeState state, int bestHour)
    {
        ArgumentNullException.ThrowIfNull(state);
        return new SendTimeUpdated(eventId, userId, clock.GetUtcNow(), bestHour, EvidenceCount(state), state.TimeZone);
    }

    private static int EvidenceCount(UserSendTimeState state) => (int)Math.Min(state.Counts.Events, int.MaxValue);
}
