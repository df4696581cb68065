using Microsoft.Extensions.Options;
using Tailor.Contracts;
using Tailor.Profiles;
using Tailor.SendTime.Learning;

namespace Tailor.SendTime.Tests;

public sealed class EvidenceWeightsTests
{
    private static readonly EvidenceWeights Weights = new(Options.Create(new SendTimeOptions()));

    private static readonly DateTimeOffset WednesdayEvening = TestMessages.Monday.AddDays(2).AddHours(19).AddMinutes(42);

    [Fact]
    public void Of_click_open_and_activity_use_the_configured_weights_at_their_hour_of_week()
    {
        var click = Weights.Of(TestMessages.Engagement("u-1", WednesdayEvening, EngagementKind.Click));
        var open = Weights.Of(TestMessages.Engagement("u-1", WednesdayEvening, EngagementKind.Open));
        var activity = Weights.Of(TestMessages.Activity("u-1", WednesdayEvening));

        Assert.Equal(new SendTimeEvidence("u-1", (2 * 24) + 19, 3), click);
        Assert.Equal(new SendTimeEvidence("u-1", (2 * 24) + 19, 2), open);
        Assert.Equal(new SendTimeEvidence("u-1", (2 * 24) + 19, 1), activity);
    }

    [Fact]
    public void Of_machine_open_is_no_evidence()
    {
        Assert.Null(Weights.Of(TestMessages.Engagement("u-1", WednesdayEvening, EngagementKind.Open, isMachineOpen: true)));
    }

    [Theory]
    [InlineData(EngagementKind.Delivered)]
    [InlineData(EngagementKind.HardBounce)]
    [InlineData(EngagementKind.Unsubscribe)]
    public void Of_engagement_that_is_not_an_open_or_click_is_no_evidence(EngagementKind kind)
    {
        Assert.Null(Weights.Of(TestMessages.Engagement("u-1", WednesdayEvening, kind)));
    }

    [Fact]
    public void Of_activity_weighted_zero_is_no_evidence()
    {
        var weights = new EvidenceWeights(Options.Create(new SendTimeOptions { ActivityWeight = 0 }));

        Assert.Null(weights.Of(TestMessages.Activity("u-1", WednesdayEvening)));
    }

    [Fact]
    public void Of_uses_utc_hour_of_week()
    {
        // 01:30 on Tuesday in UTC+2 is 23:30 on Monday in UTC.
        var evidence = Weights.Of(TestMessages.Activity("u-1", new DateTimeOffset(2011, 3, 8, 1, 30, 0, TimeSpan.FromHours(2))));

        Assert.Equal(23, evidence?.HourOfWeek);
        Assert.Equal(SendTimeSlice.HourOfWeek(new DateTimeOffset(2011, 3, 7, 23, 30, 0, TimeSpan.Zero)), evidence?.HourOfWeek);
    }
}
