using Tailor.Host.Demo.Gallery;
using Tailor.Profiles;

namespace Tailor.Host.Tests.Gallery;

public class SendTimeStoryTests
{
    // Monday 5 January 2026, a seven-day window as the demo asks for.
    private static readonly DateTimeOffset Start = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset End = Start.AddDays(7);

    internal static SendSchedule Schedule { get; } = new(1, 21, 8, Explore: false);

    [Fact]
    public void Tell_a_send_at_the_best_hour_says_so_on_the_customers_clock()
    {
        var slice = SliceWithPeaks((60, 10), (34, 5)) with { TimeZone = "Europe/Helsinki" }; // Wed 12:00, Tue 10:00 Helsinki time
        var sendAt = SendTimePlanner.Plan(slice, Start, End, Schedule, seed: 0)!.Value;

        var story = SendTimeStory.Tell(slice, sendAt, Start, End, Schedule);

        Assert.Equal(SendTimeChoice.BestHour, story.Choice);
        Assert.Equal("Wed 7 Jan, 12:00", story.When);
        Assert.Equal("Europe/Helsinki", story.Clock);
        Assert.Equal(
            "Most likely to shop at Wed 12:00, Tue 10:00 and Mon 00:00 their time: learned from the 15 hours Tailor has seen them active in, and from customers like them.",
            story.Habit);
        Assert.Equal("Their best hour of the week (Wed 12:00): inside the campaign window, outside quiet hours (21:00–08:00 their time).", story.Why);
    }

    [Fact]
    public void Tell_a_best_hour_in_quiet_hours_explains_the_move()
    {
        var slice = SliceWithPeaks((70, 10), (34, 5)); // Wed 22:00 is quiet; Tue 10:00 is not
        var sendAt = SendTimePlanner.Plan(slice, Start, End, Schedule, seed: 0)!.Value;

        var story = SendTimeStory.Tell(slice, sendAt, Start, End, Schedule);

        Assert.Equal(SendTimeChoice.BestOutsideQuietHours, story.Choice);
        Assert.Equal("Tue 6 Jan, 10:00", story.When);
        Assert.Contains("Their best hour (Wed 22:00) falls in quiet hours (21:00–08:00 their time)", story.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void Tell_a_send_away_from_the_habitual_hour_is_a_trial()
    {
        var slice = SliceWithPeaks((60, 10), (34, 5));

        var story = SendTimeStory.Tell(slice, Start.AddDays(3).AddHours(9), Start, End, Schedule with { Explore = true });

        Assert.Equal(SendTimeChoice.Trial, story.Choice);
        Assert.Equal("Thu 8 Jan, 09:00", story.When);
        Assert.Contains("instead of the best one the rules allow (Wed 12:00)", story.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void Tell_without_a_slice_says_tailor_knows_no_hours_yet()
    {
        var story = SendTimeStory.Tell(null, Start.AddHours(8), Start, End, Schedule);

        Assert.Equal(SendTimeChoice.NoHabit, story.Choice);
        Assert.Null(story.Habit);
        Assert.Equal("UTC (no time zone known)", story.Clock);
        Assert.StartsWith("Tailor knows no times of day for this customer yet", story.Why, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, "learned from the one hour Tailor has seen them active in, and from customers like them.")]
    [InlineData(0, "what customers like them do, as Tailor has seen no activity of theirs yet.")]
    public void Tell_a_customer_seen_little_or_not_at_all_says_their_hours_are_mostly_their_cohorts(int activeHours, string basis)
    {
        var slice = SliceWithPeaks((60, 10), (34, 5)) with { EvidenceCount = activeHours };
        var sendAt = SendTimePlanner.Plan(slice, Start, End, Schedule, seed: 0)!.Value;

        var story = SendTimeStory.Tell(slice, sendAt, Start, End, Schedule);

        Assert.Equal($"Most likely to shop at Wed 12:00, Tue 10:00 and Mon 00:00 their time: {basis}", story.Habit);
    }

    /// <summary>A slice with a little weight on every hour and the given (hour of week, weight) peaks.</summary>
    internal static SendTimeSlice SliceWithPeaks(params (int HourOfWeek, double Weight)[] peaks)
    {
        var weights = Enumerable.Repeat(0.01, SendTimeSlice.HoursPerWeek).ToArray();
        foreach (var (hour, weight) in peaks)
        {
            weights[hour] = weight;
        }

        var total = weights.Sum();
        var best = peaks.MaxBy(peak => peak.Weight).HourOfWeek;
        return new SendTimeSlice([.. weights.Select(w => w / total)], best, (int)peaks.Sum(p => p.Weight), DateTimeOffset.UnixEpoch);
    }
}
