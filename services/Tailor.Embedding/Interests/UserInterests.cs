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
    private readonly IProfileCache _profiles;
    private readonly TimeProvider _time;
    private readonly TimeSpan _halfLife;
    private readonly EmbeddingModel _model;

    public UserInterests(IDocumentStore documents, IProfileCache profiles, IOptions<EmbeddingOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _model = options.Value.SelectedModel;
        _documents = documents;
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

        var written = await _documents.UpdateAsync<UserInterestState>(
            EmbeddingNames.UsersCollection,
            userId,
            stored =>
            {
                // State summed from another model's vectors cannot be mixed with this one's: such a user starts over.
                var state = stored is not null && _model.Made(stored.Model, stored.ModelVersion) ? stored : UserInterestState.Empty(_model);
                var updated = state.Apply(updateId, evidence, _halfLife);
                return ReferenceEquals(updated, state) ? stored : updated;
            },
            cancellationToken);

        // Never null: with evidence to fold in, the change always leaves a state behind.
        var state = written!.Document;
        var now = _time.GetUtcNow();
        await _profiles.WriteLatestSliceAsync(_documents, EmbeddingNames.UsersCollection, userId, written, newest => Slice(newest, now), cancellationToken);
        return new UserInterestsUpdated(updateId, userId, now, state.Model, state.ModelVersion, state.Direction(), state.EvidenceCount);
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

    // Named by the model the state was summed from, which is this replica's unless an older replica wrote it meanwhile.
    private static InterestsSlice Slice(UserInterestState state, DateTimeOffset now) =>
        new(state.Model, state.ModelVersion, state.Direction(), state.EvidenceCount, now);
}
