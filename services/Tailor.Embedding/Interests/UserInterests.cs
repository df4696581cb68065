using Microsoft.Extensions.Options;
using Tailor.Contracts;
using Tailor.Embedding.Model;
using Tailor.Profiles;
using Tailor.Storage;

namespace Tailor.Embedding.Interests;

/// <summary>
/// Keeps each user's interest state, their profile's interests slice, and says what changed. Safe with any number of
/// replicas: a state changes only by a conditional write (<see cref="DocumentUpdates.UpdateAsync{TDocument}"/>) that
/// is recomputed when another replica wrote first, and the slice always ends as the newest state's.
/// </summary>
public sealed class UserInterests
{
    private readonly IDocumentStore _documents;
    private readonly IEventStore _events;
    private readonly IProfileCache _profiles;
    private readonly TimeProvider _time;
    private readonly TimeSpan _halfLife;
    private readonly EmbeddingModel _model;

    public UserInterests(IDocumentStore documents, IEventStore events, IProfileCache profiles, IOptions<EmbeddingOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _model = options.Value.SelectedModel();
        _documents = documents;
        _events = events;
        _profiles = profiles;
        _time = time;
        _halfLife = options.Value.InterestHalfLife;
    }

    /// <summary>
    /// Folds the user's new evidence in, writes the state and the profile slice, and returns the event to publish, whose
    /// id is <paramref name="updateId"/>. Evidence whose event the state already folded in (a retry, or a copy of the
    /// event another replica took at the same moment) is not counted again; the event is then returned all the same.
    /// </summary>
    public async Task<UserInterestsUpdated> AddAsync(
        string userId, Guid updateId, IReadOnlyCollection<InterestEvidence> evidence, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        ArgumentNullException.ThrowIfNull(evidence);
        ArgumentOutOfRangeException.ThrowIfZero(evidence.Count);

        return (await AddManyAsync([new InterestUpdate(userId, updateId, evidence)], cancellationToken))[0];
    }

    /// <summary>
    /// <see cref="AddAsync"/> for a batch's users (each at most once): their states are read in one query and written in
    /// one conditional bulk write (<see cref="DocumentUpdates.UpdateManyAsync{TDocument}"/>; a user another replica
    /// wrote meanwhile is recomputed and written alone), then their slices are written concurrently. Returns one event
    /// per update, in the order given.
    /// </summary>
    /// <remarks>
    /// A state remembers only its last <see cref="UserInterestState.RecentEventLimit"/> event ids. A user whose write
    /// lost a race while their state was that full may have had this batch's copies of events forgotten meanwhile:
    /// before folding them again, the events the stream recorded since (the consumers record a message only once they
    /// handled it) are left out.
    /// </remarks>
    public async Task<IReadOnlyList<UserInterestsUpdated>> AddManyAsync(IReadOnlyList<InterestUpdate> updates, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(updates);
        var byUser = new Dictionary<string, InterestUpdate>(StringComparer.Ordinal);
        foreach (var update in updates)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(update.UserId, nameof(updates));
            ArgumentNullException.ThrowIfNull(update.Evidence, nameof(updates));
            ArgumentOutOfRangeException.ThrowIfZero(update.Evidence.Count, nameof(updates));
            if (!byUser.TryAdd(update.UserId, update))
            {
                throw new ArgumentException($"User {update.UserId} has more than one update in the batch.", nameof(updates));
            }
        }

        var written = await WriteStatesAsync(byUser, cancellationToken);
        var now = _time.GetUtcNow();
        await _profiles.WriteLatestSlicesAsync(
            _documents,
            EmbeddingNames.UsersCollection,
            [.. written.Select(user => KeyValuePair.Create(user.Key, user.Value!))],
            (_, newest) => Slice(newest, now),
            cancellationToken);

        // Never null: with evidence to fold in, the change always leaves a state behind.
        return [.. updates.Select(update => Updated(update, written[update.UserId]!.Document, now))];
    }

    /// <summary>
    /// Folds each user's update into their state by one conditional bulk write, and again (after leaving out what the
    /// stream recorded meanwhile) for a user whose write lost a race while their state was full. Returns each user's
    /// state as stored afterwards.
    /// </summary>
    private async Task<Dictionary<string, Versioned<UserInterestState>?>> WriteStatesAsync(
        Dictionary<string, InterestUpdate> byUser, CancellationToken cancellationToken)
    {
        var evidenceByUser = byUser.ToDictionary(user => user.Key, user => user.Value.Evidence.ToList(), StringComparer.Ordinal);
        var written = new Dictionary<string, Versioned<UserInterestState>?>(StringComparer.Ordinal);
        IReadOnlyCollection<string> pending = byUser.Keys;
        for (var round = 1; pending.Count > 0; round++)
        {
            var calls = new ChangeCalls();
            var lostWhileFull = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (userId, state) in await _documents.UpdateManyAsync<UserInterestState>(
                EmbeddingNames.UsersCollection,
                pending,
                (userId, stored) =>
                {
                    lostWhileFull.Remove(userId);

                    // The write lost, and the winner may have made the state forget this batch's copies. (A state of
                    // another model is started over, so nothing it remembers matters.)
                    if (calls.AfterLostWrite(userId) && stored is not null && _model.Made(stored.Model, stored.ModelVersion)
                        && (stored.RecentEventIds?.Count ?? 0) >= UserInterestState.RecentEventLimit)
                    {
                        lostWhileFull.Add(userId);
                        return null;
                    }

                    return Apply(byUser[userId] with { Evidence = evidenceByUser[userId] }, stored);
                },
                cancellationToken: cancellationToken))
            {
                written[userId] = state;
            }

            pending = [];
            if (lostWhileFull.Count > 0)
            {
                // Whoever recorded an event in the stream handled it: only the rest is folded in again.
                await DocumentUpdates.PauseBeforeNextRoundAsync(EmbeddingNames.UsersCollection, lostWhileFull.First(), round, cancellationToken);
                pending = await _events.LeaveOutHandledAsync(EmbeddingNames.Stream, evidenceByUser, lostWhileFull, item => item.EventId, cancellationToken);
            }
        }

        return written;
    }

    /// <summary>
    /// Writes every user's interests slice again from their stored state (the profile cache lost them); state summed
    /// from another model's vectors is skipped, as it would be on the user's next update. Returns how many were written.
    /// </summary>
    public async Task<int> RewriteSlicesAsync(CancellationToken cancellationToken)
    {
        var count = 0;
        await foreach (var (userId, _) in _documents.ListAsync(EmbeddingNames.UsersCollection, cancellationToken))
        {
            // Read again with its version: an update another replica makes meanwhile is what the slice ends as.
            var state = await _documents.FindVersionedAsync<UserInterestState>(EmbeddingNames.UsersCollection, userId, cancellationToken);
            if (state is null || !_model.Made(state.Document.Model, state.Document.ModelVersion))
            {
                continue;
            }

            var now = _time.GetUtcNow();
            await _profiles.WriteLatestSliceAsync(_documents, EmbeddingNames.UsersCollection, userId, state, newest => Slice(newest, now), cancellationToken);
            count++;
        }

        return count;
    }

    /// <summary>
    /// Removes the user's interest state, then their interests slice (erasure). A slice another replica writes while
    /// this runs does not outlive it: that writer reads the state again after its slice write, finds none and removes
    /// the slice (<see cref="StoredSliceWrites.WriteLatestSliceAsync{TDocument, TSlice}"/>).
    /// </summary>
    public async Task ForgetAsync(string userId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        await _documents.DeleteAsync(EmbeddingNames.UsersCollection, userId, cancellationToken);
        await _profiles.RemoveSliceAsync(userId, InterestsSlice.SliceName, cancellationToken);
    }

    /// <summary>The cache keys of the texts the user's state remembers them writing; none without a state.</summary>
    public async Task<IReadOnlyList<string>> TextKeysAsync(string userId, CancellationToken cancellationToken) =>
        (await _documents.FindAsync<UserInterestState>(EmbeddingNames.UsersCollection, userId, cancellationToken))?.RecentTextKeys ?? [];

    // The change of a conditional update: pure, so it can run again when another replica wrote first.
    private UserInterestState? Apply(InterestUpdate update, UserInterestState? stored)
    {
        // State summed from another model's vectors cannot be mixed with this one's: such a user starts over.
        var state = stored is not null && _model.Made(stored.Model, stored.ModelVersion) ? stored : UserInterestState.Empty(_model);
        var updated = state.Apply(update.UpdateId, update.Evidence, _halfLife);
        return ReferenceEquals(updated, state) ? stored : updated;
    }

    private static UserInterestsUpdated Updated(InterestUpdate update, UserInterestState state, DateTimeOffset now) =>
        new(update.UpdateId, update.UserId, now, state.Model, state.ModelVersion, state.Direction(), state.EvidenceCount);

    // Named by the model the state was summed from, which is this replica's unless an older replica wrote it meanwhile.
    private static InterestsSlice Slice(UserInterestState state, DateTimeOffset now) =>
        new(state.Model, state.ModelVersion, state.Direction(), state.EvidenceCount, now);
}
