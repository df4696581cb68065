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

    [Fact]
    public async Task Copy_whose_write_was_overtaken_by_more_events_than_the_state_remembers_counts_only_what_is_new()
    {
        var kept = new SendTimeOptions().AppliedEventsKept;
        var overtaking = new OvertakingWriter();
        using var replicas = new LearnerReplicas(2, store => new DocumentWriteOvertaken(store, SendTimeNames.UsersCollection, User, overtaking));
        var ct = TestContext.Current.CancellationToken;
        var first = Weekly(0, 100);
        var later = Weekly(100, kept + 44);
        var fresh = Weekly(100 + kept + 44, 10);

        // One replica counts the first 100 and records them, as its consumer does after learning.
        await LearnAsync(replicas.Learners[1], first.Select(Evidence).ToList(), ct);
        await replicas.Events.RecordManyAsync(SendTimeNames.Stream, first, ct);

        // The other took copies of them, with 10 new events, before that record. Its write is overtaken: the first
        // replica counts more of the user's events than the state keeps ids of, so the copies' ids are forgotten.
        overtaking.Arm(() => LearnAsync(replicas.Learners[1], later.Select(Evidence).ToList(), ct));
        await LearnAsync(replicas.Learners[0], [.. first.Concat(fresh).Select(Evidence)], ct);

        Assert.True(overtaking.Overtook);
        var total = first.Count + later.Count + fresh.Count;
        var state = await replicas.Documents.FindAsync<UserSendTimeState>(SendTimeNames.UsersCollection, User, ct);
        Assert.Equal(total, state?.Counts.Events);
        Assert.Equal(fresh.Select(activity => activity.EventId), state!.AppliedEvents![^fresh.Count..]);
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
