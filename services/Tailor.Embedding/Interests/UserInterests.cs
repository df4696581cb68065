using Microsoft.Extensions.Options;
using Tailor.Contracts;
using Tailor.Embedding.Model;
using Tailor.Messaging;
using Tailor.Profiles;
using Tailor.Storage;

namespace Tailor.Embedding.Interests;

/// <summary>Keeps each user's interest state, their profile's interests slice, and says what changed.</summary>
public sealed class UserInterests : IDisposable
{
    private readonly IDocumentStore _documents;
    private readonly IProfileCache _profiles;
    private readonly TimeProvider _time;
    private readonly TimeSpan _halfLife;
    private readonly EmbeddingModel _model;
    private readonly KeyedLocks _locks = new();

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
    /// id is <paramref name="updateId"/>. The caller derives that id from the events the evidence came from, so a retry
    /// passes the same id: evidence already folded in under it is not counted again, and the same event is returned.
    /// </summary>
    public async Task<UserInterestsUpdated> AddAsync(
        string userId, Guid updateId, IReadOnlyCollection<InterestEvidence> evidence, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        ArgumentNullException.ThrowIfNull(evidence);
        using var held = await _locks.AcquireAsync(userId, cancellationToken);

        var stored = await _documents.FindAsync<UserInterestState>(EmbeddingNames.UsersCollection, userId, cancellationToken);
        // State summed from another model's vectors cannot be mixed with this one's: such a user starts over.
        var state = stored is not null && _model.Made(stored.Model, stored.ModelVersion) ? stored : UserInterestState.Empty(_model);
        var updated = state;
        if (state.LastUpdateId != updateId)
        {
            // Only the latest update is remembered: if another update of this user lands between a failed attempt and
            // its retry, the retry counts its evidence again. That needs a failure and a race on one user; accepted.
            updated = state.Add(evidence.OrderBy(item => item.OccurredAt), _halfLife) with { LastUpdateId = updateId };
            await _documents.PutAsync(EmbeddingNames.UsersCollection, userId, updated, cancellationToken);
        }

        var vector = updated.Direction();
        var now = _time.GetUtcNow();
        await _profiles.WriteSliceAsync(
            userId, new InterestsSlice(_model.Name, _model.Version, vector, updated.EvidenceCount, now), cancellationToken);
        return new UserInterestsUpdated(updateId, userId, now, _model.Name, _model.Version, vector, updated.EvidenceCount);
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
            // Read again under the user's lock: an update that landed since the listing is what gets written.
            using var held = await _locks.AcquireAsync(userId, cancellationToken);
            var state = await _documents.FindAsync<UserInterestState>(EmbeddingNames.UsersCollection, userId, cancellationToken);
            if (state is null || !_model.Made(state.Model, state.ModelVersion))
            {
                continue;
            }

            await _profiles.WriteSliceAsync(
                userId, new InterestsSlice(_model.Name, _model.Version, state.Direction(), state.EvidenceCount, _time.GetUtcNow()), cancellationToken);
            count++;
        }

        return count;
    }

    /// <summary>Removes the user's interest state and their interests slice (erasure).</summary>
    public async Task ForgetAsync(string userId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        using var held = await _locks.AcquireAsync(userId, cancellationToken);
        await _documents.DeleteAsync(EmbeddingNames.UsersCollection, userId, cancellationToken);

        // After the state, under the lock: a slice written since Ingestion removed the profile does not outlive it.
        await _profiles.RemoveSliceAsync(userId, InterestsSlice.SliceName, cancellationToken);
    }

    public void Dispose() => _locks.Dispose();
}
