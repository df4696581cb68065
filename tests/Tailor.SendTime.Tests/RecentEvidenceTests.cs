using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Tailor.SendTime.Learning;
using Tailor.SendTime.Model;
using Tailor.SendTime.Serving;

namespace Tailor.SendTime.Tests;

/// <summary>Recent evidence shapes a user's hours: an occurrence a half-life older than their newest counts half.</summary>
public sealed class RecentEvidenceTests
{
    private static readonly DateTimeOffset Ten = TestMessages.Monday.AddHours(10);
    // Two weeks and five hours: an occurrence one half-life after Monday 10:00 is on Monday 15:00.
    private static readonly TimeSpan HalfLife = TimeSpan.FromDays(14).Add(TimeSpan.FromHours(5));

    [Fact]
    public void Fold_weighs_an_occurrence_half_for_each_half_life_before_the_newest_and_keeps_the_counts_whole()
    {
        var fold = Fold(new SendTimeOptions { RecencyHalfLife = HalfLife });

        var state = FoldInBatches(fold, [Evidence(Ten, 1), Evidence(Ten.AddMinutes(20), 1), Evidence(Ten.Add(HalfLife), 1)], 3);

        Assert.Equal((1.0, 1.0), (state.Counts.Weights[10], state.Counts.Weights[15]));
        Assert.Equal(2, state.Recent!.Events);
        Assert.Equal(0.5, state.Recent.Weights[10], precision: 9);
        Assert.Equal(1.0, state.Recent.Weights[15], precision: 9);
        // The posterior reads the counts' whole weight (two occurrences) with the recent shape: a third and two thirds.
        var counts = RecentEvidence.CountsForPosterior(state, HalfLife);
        Assert.Equal((2 / 3.0, 4 / 3.0), (counts[10], counts[15]), new PairComparer());
    }

    [Fact]
    public void Fold_of_the_same_events_in_any_order_and_batches_reaches_the_same_recent_evidence()
    {
        var random = new Random(11);
        var events = Enumerable.Range(0, 80)
            .Select(_ => Evidence(TestMessages.Monday.AddDays(random.Next(400)).AddHours(random.Next(24)).AddMinutes(random.Next(60)), random.Next(3) == 0 ? 3 : 1))
            .ToList();
        var fold = Fold(new SendTimeOptions());

        var inOrder = FoldInBatches(fold, [.. events.OrderBy(item => item.OccurredAt)], 80);
        var shuffled = FoldInBatches(fold, [.. events.OrderBy(_ => random.Next())], 7);

        Assert.Equal(inOrder.Recent!.AsOf, shuffled.Recent!.AsOf);
        Assert.Equal(inOrder.Counts.Events, shuffled.Recent.Events);
        Assert.All(Enumerable.Range(0, WeekHours.Count), hour => Assert.Equal(inOrder.Recent.Weights[hour], shuffled.Recent.Weights[hour], 1e-9));
    }

    [Fact]
    public void Slice_follows_a_users_recent_hours_over_their_old_ones_unless_recency_is_off()
    {
        // Five orders at 10:00 a year ago, three at 15:00 in the last weeks.
        var old = Enumerable.Range(0, 5).Select(week => Evidence(Ten.AddDays(7 * week), 1));
        var recent = Enumerable.Range(0, 3).Select(week => Evidence(Ten.AddDays(365 + (7 * week)).AddHours(5), 1));
        var events = old.Concat(recent).ToList();

        Assert.Equal(15, BestHour(new SendTimeOptions(), events));
        Assert.Equal(10, BestHour(new SendTimeOptions { RecencyHalfLife = TimeSpan.Zero }, events));
    }

    [Fact]
    public void Fold_of_a_state_kept_before_recency_starts_from_its_counts_as_of_the_new_evidence()
    {
        var withoutRecency = FoldInBatches(Fold(new SendTimeOptions { RecencyHalfLife = TimeSpan.Zero }), [Evidence(Ten, 1), Evidence(Ten.AddDays(1), 1)], 2);
        Assert.Null(withoutRecency.Recent);

        var next = Fold(new SendTimeOptions()).Fold(withoutRecency, "u-1", [Evidence(Ten.AddDays(2).AddHours(5), 1)], Guid.NewGuid(), new OpenLatency())!.State;

        Assert.Equal(3, next.Recent!.Events);
        Assert.Equal(Ten.AddDays(2).AddHours(5), next.Recent.AsOf);
        // The two old occurrences, times unknown, count as of the new one.
        Assert.Equal((1.0, 1.0), (next.Recent.Weights[10], next.Recent.Weights[24 + 10]));
        Assert.Equal(1.0, next.Recent.Weights[(2 * 24) + 15], precision: 9);
    }

    [Fact]
    public void Options_refuse_a_negative_half_life_at_start()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Tailor:SendTime:RecencyHalfLife"] = "-1.00:00:00" });
        builder.AddSendTime();
        using var host = builder.Build();

        var refused = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<SendTimeOptions>>().Value);

        Assert.Contains(nameof(SendTimeOptions.RecencyHalfLife), refused.Message, StringComparison.Ordinal);
    }

    private static int BestHour(SendTimeOptions options, List<SendTimeEvidence> events)
    {
        var state = FoldInBatches(Fold(options), events, 4);
        var flat = new HourOfWeekCounts { Weights = Enumerable.Repeat(1.0, WeekHours.Count).ToArray(), Events = WeekHours.Count };
        var priors = new SendTimePriors(flat, new Dictionary<string, HourOfWeekCounts>(), new PriorStrengths(Cohort: 50, Day: 5, Week: 10));
        var slice = new SendTimeSlices(ServedPreference.HierarchyWeek, Options.Create(options), TimeProvider.System).Compute(state, priors);
        return slice.BestHourOfWeek % WeekHours.PerDay;
    }

    private static UserEvidenceFold Fold(SendTimeOptions options) => new(Options.Create(options));

    private static UserSendTimeState FoldInBatches(UserEvidenceFold fold, List<SendTimeEvidence> events, int size)
    {
        UserSendTimeState? state = null;
        foreach (var batch in events.Chunk(size))
        {
            state = fold.Fold(state, "u-1", batch, Guid.NewGuid(), new OpenLatency())?.State ?? state;
        }

        return state!;
    }

    private static SendTimeEvidence Evidence(DateTimeOffset at, double weight) => new(Guid.NewGuid(), "u-1", at, weight);

    private sealed class PairComparer : IEqualityComparer<(double, double)>
    {
        public bool Equals((double, double) x, (double, double) y) => Math.Abs(x.Item1 - y.Item1) < 1e-9 && Math.Abs(x.Item2 - y.Item2) < 1e-9;

        public int GetHashCode((double, double) obj) => 0;
    }
}
