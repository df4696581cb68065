using Tailor.Contracts;
using Tailor.Messaging;
using Tailor.SendTime.Learning;
using Tailor.Storage;
using Tailor.Testing;

namespace Tailor.SendTime.Tests;

/// <summary>
/// A copy of a batch whose write loses a race long enough for the user's state to forget the first copy's events: the
/// stream's record of the first, made after it was counted, keeps the copy from counting them again.
/// </summary>
public sealed class SendTimeLostRaceTests
{
    private const string User = "u-busy";

    [Theory]
    [InlineData(0)]
    [InlineData(10)]
    public async Task Copy_whose_write_was_overtaken_by_more_events_than_the_state_remembers_counts_only_what_is_new(int newEvents)
    {
        var kept = new SendTimeOptions().AppliedEventsKept;
        var overtaking = new OvertakingWriter();
        using var replicas = new LearnerReplicas(2, store => new DocumentWriteOvertaken(store, SendTimeNames.UsersCollection, User, overtaking));
        var ct = TestContext.Current.CancellationToken;
        var copies = Weekly(0, 100);
        var later = Weekly(100, kept + 44);
        var fresh = Weekly(100 + kept + 44, newEvents);

        // One replica took copies of 100 events (and some new ones) and counts them. Before its write lands, the other
        // replica counts the first copies and records them, as its consumer does after learning, and then counts more
        // of the user's events than the state keeps ids of: the copies' ids are forgotten when the first retries.
        overtaking.Arm(async () =>
        {
            await LearnAsync(replicas.Learners[1], [.. copies.Select(Evidence)], ct);
            await replicas.Events.RecordManyAsync(SendTimeNames.Stream, copies, ct);
            await LearnAsync(replicas.Learners[1], [.. later.Select(Evidence)], ct);
        });
        await LearnAsync(replicas.Learners[0], [.. copies.Concat(fresh).Select(Evidence)], ct);

        Assert.True(overtaking.Overtook);
        var total = copies.Count + later.Count + fresh.Count;
        var state = await replicas.Documents.FindAsync<UserSendTimeState>(SendTimeNames.UsersCollection, User, ct);
        Assert.Equal(total, state?.Counts.Events);
        Assert.Equal([.. (newEvents == 0 ? later : fresh).TakeLast(10).Select(activity => activity.EventId)], state!.AppliedEvents![^10..]);
        var population = await replicas.Documents.FindAsync<HourOfWeekCounts>(SendTimeNames.PopulationCollection, SendTimeNames.PopulationId, ct);
        Assert.Equal(total, population?.Events);
        Assert.Equal(total, (await replicas.Profiles.ReadAsync(User, ct))?.SendTime?.EvidenceCount);
    }

    /// <summary>One activity a week from the <paramref name="firstWeek"/>-th on, each its own occurrence.</summary>
    private static List<UserActivityTracked> Weekly(int firstWeek, int weeks) =>
        [.. TestMessages.Weekly(User, firstWeek + weeks, 9).Skip(firstWeek)];

    private static SendTimeEvidence Evidence(UserActivityTracked activity) => SendTimeEvidence.Of(activity, 1);

    private static Task LearnAsync(SendTimeLearner learner, IReadOnlyCollection<SendTimeEvidence> batch, CancellationToken cancellationToken) =>
        learner.LearnAsync(StableIds.From("test.batch", [.. batch.Select(item => item.EventId.ToString("D")).Order()]), batch, cancellationToken);
}
