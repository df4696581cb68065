using Microsoft.Extensions.Options;
using Tailor.SendTime.Learning;

namespace Tailor.SendTime.Tests;

/// <summary>An order is one moment: evidence counts once per user and hour, at its largest weight, whatever order it arrives in.</summary>
public sealed class EvidenceOccurrenceTests
{
    private static readonly DateTimeOffset Nine = TestMessages.Monday.AddHours(9);
    private readonly UserEvidenceFold _fold = new(Options.Create(new SendTimeOptions()));

    [Fact]
    public void Fold_counts_the_twenty_lines_of_one_order_as_one_occurrence()
    {
        var lines = Enumerable.Range(0, 20).Select(_ => Evidence(Nine.AddMinutes(26), 1)).ToList();

        var folded = _fold.Fold(null, "u-1", lines, Guid.NewGuid(), new OpenLatency())!;

        Assert.Equal(1, folded.State.Counts.Events);
        Assert.Equal(1.0, folded.State.Counts.Weights[9]);
        Assert.Equal(1.0, folded.State.Counts.TotalWeight());
        Assert.Equal([new HourEvidence(9, 1)], folded.Hours);
        Assert.Equal(20, folded.State.AppliedEvents!.Length);
    }

    [Fact]
    public void Fold_counts_an_hour_at_its_heaviest_event_and_a_new_hour_as_a_new_occurrence()
    {
        var activity = Evidence(Nine.AddMinutes(5), 1);
        var click = Evidence(Nine.AddMinutes(40), 3);
        var nextHour = Evidence(Nine.AddHours(1), 1);

        var first = _fold.Fold(null, "u-1", [activity], Guid.NewGuid(), new OpenLatency())!;
        var second = _fold.Fold(first.State, "u-1", [click, nextHour], Guid.NewGuid(), new OpenLatency())!;

        Assert.Equal(2, second.State.Counts.Events);
        Assert.Equal((3.0, 1.0), (second.State.Counts.Weights[9], second.State.Counts.Weights[10]));
        // What the priors gain: the click's extra weight at 09:00 (no new occurrence), and 10:00 as a new one.
        Assert.Equal([new HourEvidence(9, 2, IsOccurrence: false), new HourEvidence(10, 1)], second.Hours);
    }

    [Fact]
    public void Fold_remembers_the_most_recently_counted_hours_as_many_as_the_event_ids_it_keeps()
    {
        var kept = new SendTimeOptions().AppliedEventsKept;
        var weekly = Enumerable.Range(0, kept + 10).Select(week => Evidence(Nine.AddDays(7 * week), 1)).ToList();

        var state = FoldInBatches(weekly, 100);
        // A late line of the first order, after kept + 9 newer hours: that hour is no longer remembered, and counts again.
        var late = _fold.Fold(state, "u-1", [Evidence(Nine.AddMinutes(30), 1)], Guid.NewGuid(), new OpenLatency())!;
        // A late line of an order still remembered adds nothing.
        var recent = _fold.Fold(state, "u-1", [Evidence(Nine.AddDays(7 * 20).AddMinutes(30), 1)], Guid.NewGuid(), new OpenLatency())!;

        Assert.Equal(kept, state.RecentOccurrences!.Length);
        Assert.Equal(kept + 11, late.State.Counts.Events);
        Assert.Equal(kept + 10, recent.State.Counts.Events);
        Assert.Empty(recent.Hours);
    }

    [Fact]
    public void Fold_of_the_same_events_in_any_order_and_batches_reaches_the_same_counts()
    {
        // Three days of visits: runs of views minutes apart, clicks among them, and hours with one event.
        var random = new Random(7);
        var events = Enumerable.Range(0, 120)
            .Select(i => Evidence(TestMessages.Monday.AddHours(random.Next(72)).AddMinutes(random.Next(60)), random.Next(3) == 0 ? 3 : 1))
            .ToList();
        var hours = events.Select(item => EvidenceOccurrences.HourOf(item.OccurredAt)).Distinct().Count();

        var inOrder = FoldInBatches(events.OrderBy(item => item.OccurredAt).ToList(), 120);
        var shuffled = FoldInBatches([.. events.OrderBy(_ => random.Next())], 7);
        var reversed = FoldInBatches([.. events.OrderByDescending(item => item.OccurredAt)], 13);

        Assert.Equal(hours, inOrder.Counts.Events);
        Assert.All(new[] { shuffled, reversed }, state =>
        {
            Assert.Equal(inOrder.Counts.Events, state.Counts.Events);
            Assert.Equal(inOrder.Counts.Weights, state.Counts.Weights);
        });
        Assert.Equal(hours, inOrder.RecentOccurrences!.Length);
    }

    private UserSendTimeState FoldInBatches(List<SendTimeEvidence> events, int size)
    {
        UserSendTimeState? state = null;
        foreach (var batch in events.Chunk(size))
        {
            state = _fold.Fold(state, "u-1", batch, Guid.NewGuid(), new OpenLatency())?.State ?? state;
        }

        return state!;
    }

    private static SendTimeEvidence Evidence(DateTimeOffset at, double weight) => new(Guid.NewGuid(), "u-1", at, weight);
}
