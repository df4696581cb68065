using Microsoft.Extensions.Options;
using Tailor.Embedding.Interests;
using Tailor.Embedding.Model;
using Tailor.Profiles.InMemory;
using Tailor.Storage;
using Tailor.Testing;

namespace Tailor.Embedding.Tests;

/// <summary>
/// A copy of a batch whose write loses a race long enough for the user's state to forget the first copy's events: the
/// stream's record of the first, made after it was folded in, keeps the copy from counting them again.
/// </summary>
public sealed class UserInterestsLostRaceTests(ModelFixture model) : IDisposable
{
    private const string UserId = "17850";
    private static readonly TimeSpan HalfLife = new EmbeddingOptions().InterestHalfLife;

    private readonly SqliteReplicas _stores = new();
    private readonly InMemoryProfileCache _profiles = new();
    private readonly OvertakingWriter _overtaking = new();

    public void Dispose() => _stores.Dispose();

    [Fact]
    public async Task Copy_whose_write_was_overtaken_by_more_events_than_the_state_remembers_counts_only_what_is_new()
    {
        var ct = TestContext.Current.CancellationToken;
        UserInterests[] replicas =
        [
            .. _stores.Documents.Zip(_stores.Events, (documents, events) => new UserInterests(
                new DocumentWriteOvertaken(documents, EmbeddingNames.UsersCollection, UserId, _overtaking), events, _profiles, Options.Create(new EmbeddingOptions()), TimeProvider.System)),
        ];
        var evidence = Purchases(100 + UserInterestState.RecentEventLimit + 44 + 10);
        var first = evidence[..100];
        var later = evidence[100..^10];
        var fresh = evidence[^10..];

        // One replica folds the first 100 in and records them, as its consumer does after folding.
        await replicas[1].AddAsync(UserId, Guid.NewGuid(), first, ct);
        foreach (var item in first)
        {
            await _stores.Events[1].RecordAsync(EmbeddingNames.Stream, item.EventId, UserId, item.OccurredAt, item, ct);
        }

        // The other took copies of them, with 10 new events, before that record. Its write is overtaken: the first
        // replica folds in more of the user's events than the state keeps ids of, so the copies' ids are forgotten.
        _overtaking.Arm(() => replicas[1].AddAsync(UserId, Guid.NewGuid(), later, ct));
        var update = await replicas[0].AddAsync(UserId, Guid.NewGuid(), [.. first, .. fresh], ct);

        Assert.True(_overtaking.Overtook);
        Assert.Equal(evidence.Count, update.EvidenceCount);
        var expected = UserInterestState.Empty(EmbeddingModels.MiniLm).Add(evidence, HalfLife);
        var state = await _stores.Documents[0].FindAsync<UserInterestState>(EmbeddingNames.UsersCollection, UserId, ct);
        Assert.Equal(evidence.Count, state?.EvidenceCount);
        VectorAssert.Close(expected.Direction(), state!.Direction(), 1e-4f);
        Assert.Equal(evidence.Count, (await _profiles.ReadAsync(UserId, ct))?.Interests?.EvidenceCount);
    }

    // One customer's purchases a day apart, the sample's lines' real embeddings taken in turn: each its own event.
    private List<InterestEvidence> Purchases(int count)
    {
        var lines = TestMessages.RetailLines.Where(line => line.Quantity > 0).Take(100).ToList();
        var vectors = model.Embedder.Embed([.. lines.Select(line => line.Description.Trim())]);
        var start = lines[0].InvoiceDate;
        return [.. Enumerable.Range(0, count).Select(index => new InterestEvidence(start.AddDays(index), vectors[index % lines.Count], EvidenceWeights.Purchase, Guid.NewGuid()))];
    }
}
