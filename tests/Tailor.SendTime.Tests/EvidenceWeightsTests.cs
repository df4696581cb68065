using Microsoft.Extensions.Options;
using Tailor.Contracts;
using Tailor.SendTime.Learning;

namespace Tailor.SendTime.Tests;

public sealed class EvidenceWeightsTests
{
    private static readonly EvidenceWeights Weights = new(Options.Create(new SendTimeOptions()));

    private static readonly DateTimeOffset WednesdayEvening = TestMessages.Monday.AddDays(2).AddHours(19).AddMinutes(42);

    [Fact]
    public void Of_click_open_and_activity_use_the_configured_weights_at_their_time()
    {
        var clickMessage = TestMessages.Engagement("u-1", WednesdayEvening, EngagementKind.Click);
        var openMessage = TestMessages.Engagement("u-1", WednesdayEvening, EngagementKind.Open);

        var activityMessage = TestMessages.Activity("u-1", WednesdayEvening);

        Assert.Equal(new SendTimeEvidence(clickMessage.EventId, "u-1", WednesdayEvening, 3, clickMessage.EmailId), Weights.Of(clickMessage));
        Assert.Equal(new SendTimeEvidence(openMessage.EventId, "u-1", WednesdayEvening, 2, openMessage.EmailId), Weights.Of(openMessage));
        Assert.Equal(new SendTimeEvidence(activityMessage.EventId, "u-1", WednesdayEvening, 1), Weights.Of(activityMessage));
    }

    [Fact]
    public void Of_delivery_starts_the_latency_clock_without_being_evidence_of_the_reader()
    {
        var delivery = TestMessages.Engagement("u-1", WednesdayEvening, EngagementKind.Delivered);

        Assert.Equal(new SendTimeEvidence(delivery.EventId, "u-1", WednesdayEvening, 0, delivery.EmailId, IsDelivery: true), Weights.Of(delivery));
    }

    [Fact]
    public void Of_machine_open_is_no_evidence()
    {
        Assert.Null(Weights.Of(TestMessages.Engagement("u-1", WednesdayEvening, EngagementKind.Open, isMachineOpen: true)));
    }

    [Theory]
    [InlineData(EngagementKind.HardBounce)]
    [InlineData(EngagementKind.Unsubscribe)]
    public void Of_engagement_that_is_not_an_open_click_or_delivery_is_no_evidence(EngagementKind kind)
    {
        Assert.Null(Weights.Of(TestMessages.Engagement("u-1", WednesdayEvening, kind)));
    }

    [Fact]
    public void Of_activity_weighted_zero_is_no_evidence()
    {
        var weights = new EvidenceWeights(Options.Create(new SendTimeOptions { ActivityWeight = 0 }));

        Assert.Null(weights.Of(TestMessages.Activity("u-1", WednesdayEvening)));
    }
}
