using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Tailor.Contracts;
using Tailor.Messaging;
using Tailor.Profiles;
using Tailor.Profiles.InMemory;
using Tailor.SendTime.Learning;
using Tailor.Storage;
using Tailor.Testing;

namespace Tailor.SendTime.Tests;

/// <summary>
/// Two replicas of SendTime on one store, each with its own connections (as two processes have): one user's 1,000
/// events split between them, every event taken by both at once, and a batch redelivered to the other replica after a
/// crash before it was recorded. Each event is counted once, and the state is the one a single replica fed the events
/// in order reaches.
/// </summary>
public sealed class SendTimeReplicaTests
{
    private const string Busy = "u-busy";

    /// <summary>
    /// One user's 1,000 activities: most at 09:00 on weekdays, the rest spread over the week, one week each, so each is
    /// an occurrence of its own and a copy counted twice would show. Every weight is 1, so the sums are exact whatever
    /// order they are added in.
    /// </summary>
    // A thousand weeks from Monday 3 January 2000 end in 2019: all in the past, as the bus refuses events dated more
    // than a day ahead of the clock (EventTimeOptions.MaxFutureSkew).
    private static readonly DateTimeOffset FirstMonday = new(2000, 1, 3, 0, 0, 0, TimeSpan.Zero);

    private static readonly SendTimeEvidence[] Activities =
    [
        .. Enumerable.Range(0, 1_000).Select(i => new SendTimeEvidence(
            Guid.NewGuid(), Busy, FirstMonday.AddDays(7 * i).AddHours(i % 3 == 0 ? (i * 37) % 168 : ((i % 5) * 24) + 9).AddMinutes(i % 60), 1)),
    ];

    [Fact]
    public async Task Two_replicas_splitting_one_users_1000_events_count_every_one()
    {
        using var replicas = new LearnerReplicas(2);
        using var single = new LearnerReplicas(1);
        var ct = TestContext.Current.CancellationToken;

        // Even events to one replica, odd to the other, in batches of 20, with no coordination between the two.
        await Task.WhenAll(Enumerable.Range(0, 2).Select(replica => Task.Run(
            () => LearnInOrderAsync(replicas.Learners[replica], [.. Activities.Where((_, index) => index % 2 == replica)], 20, ct), ct)));
        await LearnInOrderAsync(single.Learners[0], Activities, 50, ct);

        await AssertSameLearningAsync(single, replicas, Activities.Length);
    }

    [Fact]
    public async Task Two_replicas_taking_copies_of_every_event_at_once_count_each_once()
    {
        using var replicas = new LearnerReplicas(2);
        using var single = new LearnerReplicas(1);
        var ct = TestContext.Current.CancellationToken;

        // Each replica gets every event, in batches of 50 cut differently, so the two copies of an event race in
        // batches with different ids: nothing but the user's state can tell that one of them was counted already.
        List<SendTimeEvidence[]> first = [.. Activities.Chunk(50)];
        List<SendTimeEvidence[]> second = [Activities[..25], .. Activities.Skip(25).Chunk(50)];
        for (var round = 0; round < second.Count; round++)
        {
            await Task.WhenAll(
                Task.Run(() => LearnAsync(replicas.Learners[0], round < first.Count ? first[round] : [], ct), ct),
                Task.Run(() => LearnAsync(replicas.Learners[1], second[round], ct), ct));
        }

        await LearnInOrderAsync(single.Learners[0], Activities, 50, ct);

        await AssertSameLearningAsync(single, replicas, Activities.Length);
        var state = await replicas.Documents.FindAsync<UserSendTimeState>(SendTimeNames.UsersCollection, Busy, ct);
        Assert.Equal(new SendTimeOptions().AppliedEventsKept, state!.AppliedEvents!.Length);
    }

    [Fact]
    public async Task Batch_redelivered_to_another_replica_after_a_crash_before_its_record_counts_nothing_twice()
    {
        using var replicas = new LearnerReplicas(2);
        var ct = TestContext.Current.CancellationToken;
        // Ten emails delivered at 09:00 on ten Mondays and opened three hours later: each a delivery, a success of
        // 09:00, an open latency and (the open being the reader's own session) an occurrence at 12:00.
        var emails = Enumerable.Range(0, 10).Select(_ => Guid.NewGuid()).ToList();
        DateTimeOffset Delivered(Guid email) => TestMessages.Monday.AddDays(7 * emails.IndexOf(email)).AddHours(9);
        SendTimeEvidence[] engagement =
        [
            .. emails.Select(email => new SendTimeEvidence(Guid.NewGuid(), "u-1", Delivered(email), 0, email, IsDelivery: true)),
            .. emails.Select(email => new SendTimeEvidence(Guid.NewGuid(), "u-1", Delivered(email).AddHours(3), 2, email)),
        ];

        // The first replica learns half the emails, then dies before its stream records them; their messages go back
        // to the queue and reach the other replica together with the rest, as one new batch.
        var firstHalf = engagement.Where(item => emails.IndexOf(item.EmailId!.Value) < 5).ToList();
        await LearnAsync(replicas.Learners[0], firstHalf, ct);
        await LearnAsync(replicas.Learners[1], engagement, ct);

        var state = await replicas.Documents.FindAsync<UserSendTimeState>(SendTimeNames.UsersCollection, "u-1", ct);
        Assert.Equal((10.0, 10.0, 10L), (state!.Delivered![9], state.Engaged![9], state.Counts.Events));
        Assert.Equal([12], Enumerable.Range(0, state.Counts.Weights.Length).Where(hour => state.Counts.Weights[hour] > 0));
        var latency = await replicas.Documents.FindAsync<OpenLatency>(SendTimeNames.PopulationCollection, SendTimeNames.LatencyId, ct);
        Assert.Equal(10, latency?.Opens);
        var population = await replicas.Documents.FindAsync<HourOfWeekCounts>(SendTimeNames.PopulationCollection, SendTimeNames.PopulationId, ct);
        Assert.Equal(10, population?.Events);
        Assert.Equal(10, (await replicas.Profiles.ReadAsync("u-1", ct))?.SendTime?.EvidenceCount);
    }

    [Fact]
    public async Task Batch_whose_bulk_user_write_fails_adds_nothing_to_the_priors_and_its_retry_adds_every_user_once()
    {
        using var replicas = new LearnerReplicas(1, store => new UserWriteFailingOnce(store, "u-3", failBulkWrite: true));
        var ct = TestContext.Current.CancellationToken;
        SendTimeEvidence[] batch =
        [
            .. Enumerable.Range(0, 3).Select(i => new SendTimeEvidence(Guid.NewGuid(), "u-1", TestMessages.Monday.AddDays(7 * i).AddHours(9), 1)),
            new SendTimeEvidence(Guid.NewGuid(), "u-3", TestMessages.Monday.AddHours(11), 1),
        ];

        // The batch's user writes are one SQLite transaction: when it fails, no user and nothing of the priors changed.
        await Assert.ThrowsAsync<InjectedFailure>(() => LearnAsync(replicas.Learners[0], batch, ct));
        Assert.Null(await replicas.Documents.FindAsync<HourOfWeekCounts>(SendTimeNames.PopulationCollection, SendTimeNames.PopulationId, ct));
        Assert.Null(await replicas.Documents.GetAsync(SendTimeNames.UsersCollection, "u-1", ct));

        await LearnAsync(replicas.Learners[0], batch, ct);
        var population = await replicas.Documents.FindAsync<HourOfWeekCounts>(SendTimeNames.PopulationCollection, SendTimeNames.PopulationId, ct);
        Assert.Equal((4L, 3.0, 1.0), (population!.Events, population.Weights[9], population.Weights[11]));
        Assert.Equal(3, (await replicas.Profiles.ReadAsync("u-1", ct))?.SendTime?.EvidenceCount);
        Assert.Equal(1, (await replicas.Profiles.ReadAsync("u-3", ct))?.SendTime?.EvidenceCount);
    }

    [Fact]
    public async Task Batch_whose_third_user_loses_a_race_and_then_fails_adds_the_first_two_users_to_the_priors_and_its_retry_adds_the_rest_once()
    {
        // The bulk write finds u-3 written by another replica; its own write, retried alone, then fails.
        using var replicas = new LearnerReplicas(1, store => new UserWriteFailingOnce(store, "u-3", failBulkWrite: false));
        var ct = TestContext.Current.CancellationToken;
        SendTimeEvidence[] batch =
        [
            .. Enumerable.Range(0, 3).Select(i => new SendTimeEvidence(Guid.NewGuid(), "u-1", TestMessages.Monday.AddDays(7 * i).AddHours(9), 1)),
            .. Enumerable.Range(0, 2).Select(i => new SendTimeEvidence(Guid.NewGuid(), "u-2", TestMessages.Monday.AddDays(7 * i).AddHours(10), 1)),
            new SendTimeEvidence(Guid.NewGuid(), "u-3", TestMessages.Monday.AddHours(11), 1),
        ];

        await Assert.ThrowsAsync<InjectedFailure>(() => LearnAsync(replicas.Learners[0], batch, ct));
        var population = await replicas.Documents.FindAsync<HourOfWeekCounts>(SendTimeNames.PopulationCollection, SendTimeNames.PopulationId, ct);
        Assert.Equal(5, population?.Events);

        await LearnAsync(replicas.Learners[0], batch, ct);
        population = await replicas.Documents.FindAsync<HourOfWeekCounts>(SendTimeNames.PopulationCollection, SendTimeNames.PopulationId, ct);
        Assert.Equal((6L, 3.0, 2.0, 1.0), (population!.Events, population.Weights[9], population.Weights[10], population.Weights[11]));
        foreach (var (user, events) in new[] { ("u-1", 3), ("u-2", 2), ("u-3", 1) })
        {
            Assert.Equal(events, (await replicas.Profiles.ReadAsync(user, ct))?.SendTime?.EvidenceCount);
        }
    }

    [Fact]
    public async Task Two_hosts_on_one_store_consuming_copies_of_every_message_record_learn_and_write_each_once()
    {
        var file = Path.Combine(Path.GetTempPath(), $"tailor-sendtime-two-hosts-{Guid.NewGuid():N}.db");
        var profiles = new InMemoryProfileCache();
        var ct = TestContext.Current.CancellationToken;
        try
        {
            await using var first = await SendTimeHarness.StartAsync(services => services.AddSingleton<IProfileCache>(profiles), databaseFile: file);
            await using var second = await SendTimeHarness.StartAsync(services => services.AddSingleton<IProfileCache>(profiles), databaseFile: file);
            var activities = Activities.Select(item => TestMessages.Activity(Busy, item.OccurredAt)).ToList();

            // Every message reaches both replicas at once, as a publisher's retry or a redelivery would have it.
            await Task.WhenAll(first.Harness.Bus.PublishBatch(activities, ct), second.Harness.Bus.PublishBatch(activities, ct));
            await first.WaitForConsumedAsync<UserActivityTracked>(activities.Count);
            await second.WaitForConsumedAsync<UserActivityTracked>(activities.Count);

            Assert.Equal(activities.Count, await first.Events.CountAsync(SendTimeNames.Stream, ct));
            var state = await first.Documents.FindAsync<UserSendTimeState>(SendTimeNames.UsersCollection, Busy, ct);
            Assert.Equal(activities.Count, state?.Counts.Events);
            var population = await second.Documents.FindAsync<HourOfWeekCounts>(SendTimeNames.PopulationCollection, SendTimeNames.PopulationId, ct);
            Assert.Equal(activities.Count, population?.Events);
            var slice = (await profiles.ReadAsync(Busy, ct))?.SendTime;
            Assert.Equal(activities.Count, slice?.EvidenceCount);
            Assert.Equal(9, slice?.BestHourOfWeek % 24);
            Assert.False(await first.FaultPublishedAsync<UserActivityTracked>());
            Assert.False(await second.FaultPublishedAsync<UserActivityTracked>());
        }
        finally
        {
            foreach (var path in new[] { file, file + "-wal", file + "-shm" })
            {
                File.Delete(path);
            }
        }
    }

    /// <summary>
    /// The user's counts and the population equal the single replica's exactly, and so do the slices once training has
    /// recomputed both against the same priors (until then each slice used the priors its own batches saw).
    /// </summary>
    private static async Task AssertSameLearningAsync(LearnerReplicas single, LearnerReplicas replicas, int events)
    {
        var ct = TestContext.Current.CancellationToken;
        var expected = await single.Documents.FindAsync<UserSendTimeState>(SendTimeNames.UsersCollection, Busy, ct);
        var actual = await replicas.Documents.FindAsync<UserSendTimeState>(SendTimeNames.UsersCollection, Busy, ct);
        Assert.Equal(events, actual!.Counts.Events);
        Assert.Equal(expected!.Counts.Weights, actual.Counts.Weights);
        Assert.Equal(events, actual.Counts.Weights.Sum());

        var expectedPopulation = await single.Documents.FindAsync<HourOfWeekCounts>(SendTimeNames.PopulationCollection, SendTimeNames.PopulationId, ct);
        var population = await replicas.Documents.FindAsync<HourOfWeekCounts>(SendTimeNames.PopulationCollection, SendTimeNames.PopulationId, ct);
        Assert.Equal(events, population!.Events);
        Assert.Equal(expectedPopulation!.Weights, population.Weights);

        await single.Refreshes[0].RefreshAsync(Guid.NewGuid(), ct);
        await replicas.Refreshes[1].RefreshAsync(Guid.NewGuid(), ct);
        var expectedSlice = (await single.Profiles.ReadAsync(Busy, ct))!.SendTime!;
        var slice = (await replicas.Profiles.ReadAsync(Busy, ct))!.SendTime!;
        Assert.Equal(events, slice.EvidenceCount);
        // The recency weights are sums of powers of a half, added in the order the replicas took the events: equal up to rounding.
        Assert.All(Enumerable.Range(0, expectedSlice.HourOfWeekWeights.Length), hour => Assert.Equal(expectedSlice.HourOfWeekWeights[hour], slice.HourOfWeekWeights[hour], 1e-12));
        Assert.Equal(expectedSlice.BestHourOfWeek, slice.BestHourOfWeek);
        Assert.Equal(9, slice.BestHourOfWeek % 24);
    }

    /// <summary>
    /// A store whose first write of one user's send-time state fails, as a busy database would: with
    /// <paramref name="failBulkWrite"/>, the first bulk write holding it fails whole (nothing written, as a SQLite
    /// transaction); otherwise the first bulk write makes the others' writes and reports that user's as lost to another
    /// writer, and the user's first write alone then fails.
    /// </summary>
    private sealed class UserWriteFailingOnce(IDocumentStore inner, string userId, bool failBulkWrite) : DocumentStoreDecorator(inner)
    {
        private int _writes;
        private int _bulkWrites;

        public override async Task<IReadOnlyList<bool>> TryWriteManyAsync(
            string collection, IReadOnlyList<ConditionalWrite> writes, CancellationToken cancellationToken = default)
        {
            var holdsUser = collection == SendTimeNames.UsersCollection && writes.Any(write => write.Id == userId);
            if (!holdsUser || Interlocked.Increment(ref _bulkWrites) > 1)
            {
                return await base.TryWriteManyAsync(collection, writes, cancellationToken);
            }

            if (failBulkWrite)
            {
                throw new InjectedFailure("document store");
            }

            var others = writes.Where(write => write.Id != userId).ToList();
            var written = await base.TryWriteManyAsync(collection, others, cancellationToken);
            var index = 0;
            return [.. writes.Select(write => write.Id != userId && written[index++])];
        }

        public override Task<bool> TryInsertAsync(string collection, string id, string json, CancellationToken cancellationToken = default) =>
            FailsNow(collection, id)
                ? Task.FromException<bool>(new InjectedFailure("document store"))
                : base.TryInsertAsync(collection, id, json, cancellationToken);

        public override Task<bool> TryReplaceAsync(string collection, string id, string json, long expectedVersion, CancellationToken cancellationToken = default) =>
            FailsNow(collection, id)
                ? Task.FromException<bool>(new InjectedFailure("document store"))
                : base.TryReplaceAsync(collection, id, json, expectedVersion, cancellationToken);

        private bool FailsNow(string collection, string id) =>
            collection == SendTimeNames.UsersCollection && id == userId && Interlocked.Increment(ref _writes) == 1;
    }

    private static async Task LearnInOrderAsync(SendTimeLearner learner, IReadOnlyList<SendTimeEvidence> evidence, int batchSize, CancellationToken cancellationToken)
    {
        foreach (var batch in evidence.Chunk(batchSize))
        {
            await LearnAsync(learner, batch, cancellationToken);
        }
    }

    /// <summary>Learns a batch under the id the consumers give it: derived from its events.</summary>
    private static Task LearnAsync(SendTimeLearner learner, IReadOnlyCollection<SendTimeEvidence> batch, CancellationToken cancellationToken) =>
        learner.LearnAsync(StableIds.From("test.batch", [.. batch.Select(item => item.EventId.ToString("D")).Order()]), batch, cancellationToken);
}
