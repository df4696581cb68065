using Tailor.Contracts;
using Tailor.Profiles;
using Tailor.Storage;

namespace Tailor.SendTime.Learning;

/// <summary>Turns a user's state and the priors above it, shaped by the served model, into their profile slice and, when it moved, the announcement of their best hour.</summary>
public sealed class SendTimeSliceWriter(IProfileCache profiles, IDocumentStore documents, SendTimeSlices computed, TimeProvider clock)
{
    /// <summary>The user's slice against <paramref name="priors"/> (<see cref="SendTimeSlices.Compute"/>).</summary>
    public SendTimeSlice Compute(UserSendTimeState state, SendTimePriors priors) => computed.Compute(state, priors);

    /// <summary>The user's best local hour of the week against <paramref name="priors"/>; null for a user with no evidence yet.</summary>
    public int? BestHour(UserSendTimeState state, SendTimePriors priors) => computed.BestHour(state, priors);

    /// <summary>
    /// Writes the slice of the state this caller stored, and of any newer state another replica stored meanwhile
    /// (<see cref="StoredSliceWrites.WriteLatestSliceAsync{TDocument, TSlice}"/>), so the newest state's slice is the one
    /// left. A user identified with no evidence yet gets one too: their cohort's hours, explored widely (the concentration
    /// is the prior's alone), instead of the planner's flat default (the first allowed hour of every window).
    /// </summary>
    public async Task WriteLatestAsync(string userId, Versioned<UserSendTimeState> stored, SendTimePriors priors, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stored);
        await profiles.WriteLatestSliceAsync(
            documents, SendTimeNames.UsersCollection, userId, stored, state => Compute(state, priors), cancellationToken);
    }

    /// <summary>
    /// <see cref="WriteLatestAsync(string, Versioned{UserSendTimeState}, SendTimePriors, CancellationToken)"/> for a batch's
    /// users, each against their own priors: the slices written at once and the states' versions read again in one query
    /// (<see cref="StoredSliceWrites.WriteLatestSlicesAsync{TDocument, TSlice}"/>).
    /// </summary>
    public async Task WriteLatestAsync(IReadOnlyList<SliceToWrite> users, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(users);
        var priors = users.ToDictionary(user => user.UserId, user => user.Priors, StringComparer.Ordinal);
        await profiles.WriteLatestSlicesAsync(
            documents,
            SendTimeNames.UsersCollection,
            [.. users.Select(user => KeyValuePair.Create(user.UserId, user.Stored))],
            (userId, state) => Compute(state, priors[userId]),
            cancellationToken);
    }

    public SendTimeUpdated Announce(Guid eventId, string userId, UserSendTimeState state, int bestHour)
    {
        ArgumentNullException.ThrowIfNull(state);
        return new SendTimeUpdated(eventId, userId, clock.GetUtcNow(), bestHour, SendTimeSlices.EvidenceCount(state), state.TimeZone);
    }
}
