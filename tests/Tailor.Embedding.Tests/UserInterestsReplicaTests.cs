using Microsoft.Extensions.Options;
using Tailor.Embedding.Interests;
using Tailor.Embedding.Model;
using Tailor.Profiles.InMemory;
using Tailor.Storage;
using Tailor.Testing;

namespace Tailor.Embedding.Tests;

/// <summary>
/// Two replicas of <see cref="UserInterests"/>, each with its own connection to one SQLite file (as two processes
/// sharing the service's database) and one profile cache (as one Redis), updating one user at once. A batch whose
/// write lost a race long enough for the state to forget the events it holds copies of asks the stream, whose record
/// of the first copies (made after they were folded in) keeps it from counting them again.
/// </summary>
public sealed class UserInterestsReplicaTests(ModelFixture model) : IDisposable
{
    private const string UserId = "17850";
    private static readonly TimeSpan HalfLife = new EmbeddingOptions().InterestHalfLife;

    private readonly SqliteReplicas _stores = new();
    private readonly InMemoryProfileCache _profiles = new();

    public void Dispose() => _stores.Dispose();

    [Fact]
    public async Task AddAsync_from_two_replicas_at_once_counts_every_purchase_of_one_user_once()
    {
        var replicas = Replicas();
        var evidence = Purchases();

        // Eight consumers, four per replica, each folding in every eighth purchase one at a time.
        await Task.WhenAll(Enumerable.Range(0, 8).Select(worker => Task.Run(
            async () =>
            {
                for (var i = worker; i < evidence.Count; i += 8)
                {
                    await replicas[worker % 2].AddAsync(UserId, Guid.NewGuid(), [evidence[i]], TestContext.Current.CancellationToken);
                }
            },
            TestContext.Current.CancellationToken)));

        await AssertStateOfAsync(evidence);
    }

    [Fact]
    public async Task AddAsync_copies_of_each_purchase_racing_on_two_replicas_count_once()
    {
        var replicas = Replicas();
        var evidence = Purchases();

        // Every purchase reaches both replicas at about the same time, in batches of different make-up (as two replicas'
        // batches would be after a redelivery), so the update ids differ and only the events' own ids say they are copies.
        var inFives = evidence.Chunk(5).ToList();
        var inThrees = evidence.Chunk(3).ToList();
        // Two consumers per replica, each taking every other batch of its replica's stream.
        (UserInterests Replica, IEnumerable<InterestEvidence[]> Batches)[] consumers =
        [
            (replicas[0], inFives.Where((_, index) => index % 2 == 0)),
            (replicas[0], inFives.Where((_, index) => index % 2 == 1)),
            (replicas[1], inThrees.Where((_, index) => index % 2 == 0)),
            (replicas[1], inThrees.Where((_, index) => index % 2 == 1)),
        ];
        await Task.WhenAll(consumers.Select(consumer => Task.Run(
            async () =>
            {
                foreach (var batch in consumer.Batches)
                {
                    await consumer.Replica.AddAsync(UserId, Guid.NewGuid(), batch, TestContext.Current.CancellationToken);
                }
            },
            TestContext.Current.CancellationToken)));

        await AssertStateOfAsync(evidence);
    }

    [Fact]
    public async Task AddManyAsync_batches_of_many_users_racing_on_two_replicas_count_each_purchase_once()
    {
        var replicas = Replicas();
        var evidence = Purchases();
        string[] users = [.. Enumerable.Range(0, 10).Select(user => $"u-{user}")];
        string UserOf(int index) => users[index % users.Length];

        // Every purchase reaches both replicas, in batches of different make-up (20 on one, 15 on the other), each batch
        // one update per user in it: users' bulk writes collide with the other replica's, and copies must count once.
        List<List<InterestUpdate>> Batches(int size) =>
        [
            .. evidence
                .Select((item, index) => (User: UserOf(index), Item: item))
                .Chunk(size)
                .Select(chunk => chunk
                    .GroupBy(entry => entry.User)
                    .Select(user => new InterestUpdate(user.Key, Guid.NewGuid(), [.. user.Select(entry => entry.Item)]))
                    .ToList()),
        ];
        await Task.WhenAll(new[] { (Replica: replicas[0], Batches: Batches(20)), (Replica: replicas[1], Batches: Batches(15)) }.Select(consumer => Task.Run(
            async () =>
            {
                foreach (var batch in consumer.Batches)
                {
                    var updated = await consumer.Replica.AddManyAsync(batch, TestContext.Current.CancellationToken);
                    Assert.Equal(batch.Select(update => (update.UserId, update.UpdateId)), updated.Select(update => (update.UserId, update.EventId)));
                }
            },
            TestContext.Current.CancellationToken)));

        foreach (var user in users)
        {
            await AssertStateOfAsync([.. evidence.Where((_, index) => UserOf(index) == user)], user);
        }
    }

    [Fact]
    public async Task RewriteSlicesAsync_racing_updates_leaves_the_newest_state_in_the_cache()
    {
        var replicas = Replicas();
        var evidence = Purchases();

        var updating = Task.Run(
            async () =>
            {
                foreach (var item in evidence)
                {
                    await replicas[0].AddAsync(UserId, Guid.NewGuid(), [item], TestContext.Current.CancellationToken);
                }
            },
            TestContext.Current.CancellationToken);
        while (!updating.IsCompleted)
        {
            await replicas[1].RewriteSlicesAsync(TestContext.Current.CancellationToken);
        }

        await updating;
        await AssertStateOfAsync(evidence);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10)]
    public async Task AddAsync_copy_whose_write_was_overtaken_by_more_events_than_the_state_remembers_counts_only_what_is_new(int newEvents)
    {
        var ct = TestContext.Current.CancellationToken;
        var overtaking = new OvertakingWriter();
        var replicas = Replicas(documents => new DocumentWriteOvertaken(documents, EmbeddingNames.UsersCollection, UserId, overtaking));
        var purchases = Purchases();
        List<InterestEvidence> evidence =
        [
            .. Enumerable.Range(0, 100 + UserInterestState.RecentEventLimit + 44 + newEvents).Select(index =>
                purchases[index % purchases.Count] with { OccurredAt = purchases[0].OccurredAt.AddHours(index), EventId = Guid.NewGuid() }),
        ];
        var (copies, later, fresh) = (evidence[..100], evidence[100..^newEvents], evidence[^newEvents..]);

        // One replica took copies of 100 events (and some new ones) and folds them in. Before its write lands, the other
        // folds the first copies in and records them, as its consumer does, and then more of the user's events than the
        // state keeps ids of: the copies' ids are forgotten when the first retries.
        overtaking.Arm(async () =>
        {
            await replicas[1].AddAsync(UserId, Guid.NewGuid(), copies, ct);
            foreach (var item in copies)
            {
                await _stores.Events[1].RecordAsync(EmbeddingNames.Stream, item.EventId, UserId, item.OccurredAt, item, ct);
            }

            await replicas[1].AddAsync(UserId, Guid.NewGuid(), later, ct);
        });
        var update = await replicas[0].AddAsync(UserId, Guid.NewGuid(), [.. copies, .. fresh], ct);

        Assert.True(overtaking.Overtook);
        Assert.Equal(evidence.Count, update.EvidenceCount);
        await AssertStateOfAsync(evidence);
    }

    private UserInterests[] Replicas(Func<IDocumentStore, IDocumentStore>? wrap = null) =>
    [
        .. _stores.Documents.Zip(_stores.Events, (documents, events) =>
            new UserInterests(wrap?.Invoke(documents) ?? documents, events, _profiles, Options.Create(new EmbeddingOptions()), TimeProvider.System)),
    ];

    // The sample's purchase lines as one customer's history: one event each, the item's real embedding as its vector.
    private List<InterestEvidence> Purchases()
    {
        var lines = TestMessages.RetailLines.Where(line => line.Quantity > 0).Take(200).ToList();
        var vectors = model.Embedder.Embed([.. lines.Select(line => line.Description.Trim())]);
        return [.. lines.Select((line, index) => new InterestEvidence(line.InvoiceDate, vectors[index], EvidenceWeights.Purchase, Guid.NewGuid()))];
    }

    // Exactly the evidence given, each piece once: the count, and the direction a single process folding it in gets.
    private async Task AssertStateOfAsync(List<InterestEvidence> evidence, string userId = UserId)
    {
        var expected = UserInterestState.Empty(EmbeddingModels.MiniLm).Add(evidence, HalfLife);
        var state = await _stores.Documents[1].FindAsync<UserInterestState>(EmbeddingNames.UsersCollection, userId, TestContext.Current.CancellationToken);
        Assert.NotNull(state);
        Assert.Equal(evidence.Count, state.EvidenceCount);
        VectorAssert.Close(expected.Direction(), state.Direction(), 1e-4f);

        var slice = (await _profiles.ReadAsync(userId, TestContext.Current.CancellationToken))?.Interests;
        Assert.NotNull(slice);
        Assert.Equal(evidence.Count, slice.EvidenceCount);
        VectorAssert.Close(state.Direction(), slice.Vector, 1e-6f);
    }
}
