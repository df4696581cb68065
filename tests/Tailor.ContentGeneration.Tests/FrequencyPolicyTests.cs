using System.Globalization;
using Tailor.ContentGeneration.Frequency;
using Tailor.Contracts;

namespace Tailor.ContentGeneration.Tests;

/// <summary>The default caps: promotional 3 and newsletter 1 per 7 days, transactional uncapped; saturated after 5 unread sends in 30 days, cap divided by 3.</summary>
public sealed class FrequencyPolicyTests
{
    private static readonly DateTimeOffset Now = new(2030, 1, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset SendAt = Now.AddDays(1);
    private static readonly FrequencyPolicy Defaults = new(new ContentGenerationOptions());

    [Fact]
    public void Decide_lets_emails_through_up_to_the_cap_and_holds_back_the_next_one_in_the_period()
    {
        var twoSent = Ledger(Sent(CampaignTypes.Promotional, -3), Sent(CampaignTypes.Promotional, -1));
        var threeSent = Ledger(Sent(CampaignTypes.Promotional, -5), Sent(CampaignTypes.Promotional, -3), Sent(CampaignTypes.Promotional, -1));

        var third = Defaults.Decide(twoSent, CampaignTypes.Promotional, SendAt, Now);
        var fourth = Defaults.Decide(threeSent, CampaignTypes.Promotional, SendAt, Now);

        Assert.True(third.Admitted);
        Assert.Equal((2, 3, 3), (third.SendsInWindow, third.Cap, third.EffectiveCap));
        Assert.Equal(SuppressionReasons.FrequencyCap, fourth.SuppressionReason);
        Assert.Equal(3, fourth.SendsInWindow);
    }

    [Fact]
    public void Decide_counts_only_sends_of_the_same_campaign_type()
    {
        var threePromotions = Ledger(Sent(CampaignTypes.Promotional, -5), Sent(CampaignTypes.Promotional, -3), Sent(CampaignTypes.Promotional, -1));
        var withNewsletter = threePromotions with { Sends = [.. threePromotions.Sends, Sent(CampaignTypes.Newsletter, -2)] };

        var firstNewsletter = Defaults.Decide(threePromotions, CampaignTypes.Newsletter, SendAt, Now);
        var secondNewsletter = Defaults.Decide(withNewsletter, CampaignTypes.Newsletter, SendAt, Now);

        Assert.True(firstNewsletter.Admitted);
        Assert.Equal((0, 1), (firstNewsletter.SendsInWindow, firstNewsletter.Cap));
        Assert.Equal(SuppressionReasons.FrequencyCap, secondNewsletter.SuppressionReason);
        Assert.Equal((CampaignTypes.Newsletter, 1), (secondNewsletter.CapType, secondNewsletter.SendsInWindow));
    }

    [Fact]
    public void Decide_never_holds_back_an_uncapped_type_and_does_not_count_it_towards_other_caps_or_fatigue()
    {
        var receipts = Ledger([.. Enumerable.Range(1, 12).Select(day => Sent(CampaignTypes.Transactional, -day))]);

        var receipt = Defaults.Decide(receipts, CampaignTypes.Transactional, SendAt, Now);
        var promotion = Defaults.Decide(receipts, CampaignTypes.Promotional, SendAt, Now);

        Assert.True(receipt.Admitted);
        Assert.Equal((null, null), (receipt.Cap, receipt.EffectiveCap));
        Assert.True(promotion.Admitted);
        Assert.Equal(0, promotion.SendsInWindow);
        Assert.Equal(0, promotion.Fatigue.UnengagedSends);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("flash-sale")]
    public void Decide_caps_a_campaign_without_a_configured_type_as_the_default_type(string? campaignType)
    {
        var threeSent = Ledger(Sent(CampaignTypes.Promotional, -5), Sent("flash-sale", -3), Sent(CampaignTypes.Promotional, -1));

        var decision = Defaults.Decide(threeSent, campaignType, SendAt, Now);

        Assert.Equal(CampaignTypes.Promotional, decision.CapType);
        Assert.Equal(SuppressionReasons.FrequencyCap, decision.SuppressionReason);
        Assert.Equal(3, decision.SendsInWindow);
    }

    [Fact]
    public void Decide_ignores_sends_a_whole_period_or_more_before_the_email()
    {
        var lastWeek = Ledger(Sent(CampaignTypes.Promotional, -9), Sent(CampaignTypes.Promotional, -7), Sent(CampaignTypes.Promotional, -6));

        var decision = Defaults.Decide(lastWeek, CampaignTypes.Promotional, SendAt, Now);

        Assert.True(decision.Admitted);
        Assert.Equal(0, decision.SendsInWindow);
    }

    [Fact]
    public void Decide_counts_sends_already_scheduled_after_the_email()
    {
        var scheduledAhead = Ledger(Sent(CampaignTypes.Promotional, 2), Sent(CampaignTypes.Promotional, 4), Sent(CampaignTypes.Promotional, 7));

        var decision = Defaults.Decide(scheduledAhead, CampaignTypes.Promotional, SendAt, Now);

        Assert.Equal(SuppressionReasons.FrequencyCap, decision.SuppressionReason);
        Assert.Equal(3, decision.SendsInWindow);
    }

    [Fact]
    public void Decide_does_not_count_sends_more_than_a_period_apart_as_one_period()
    {
        // Two a week: sends six days before and six days after fit with this one in every 7-day stretch, although a
        // window of a period either side would hold both.
        var options = new ContentGenerationOptions();
        options.FrequencyCaps["twice-weekly"] = new FrequencyCapOptions { MaxEmails = 2 };
        var policy = new FrequencyPolicy(options);
        var either = Ledger(Sent("twice-weekly", -5), Sent("twice-weekly", 7));
        var both = either with { Sends = [.. either.Sends, Sent("twice-weekly", 3)] };

        Assert.True(policy.Decide(either, "twice-weekly", SendAt, Now).Admitted);
        Assert.Equal(SuppressionReasons.FrequencyCap, policy.Decide(both, "twice-weekly", SendAt, Now).SuppressionReason);
    }

    [Theory]
    // Clocks go forward on 2030-03-31: Monday 10:00 to Monday 10:00 is 167 hours, a week on the calendar.
    [InlineData("2030-03-25T10:00:00+00:00", "2030-04-01T10:00:00+01:00", true, false)]
    // Back on 2030-10-27: Monday 10:00 to Monday 09:30 is 168.5 hours, less than a week on the calendar.
    [InlineData("2030-10-21T10:00:00+01:00", "2030-10-28T09:30:00+00:00", false, true)]
    public void Decide_counts_the_period_on_the_users_calendar(string sent, string next, bool admittedInLondon, bool admittedInUtc)
    {
        var london = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        var now = DateTimeOffset.Parse(sent, CultureInfo.InvariantCulture).AddDays(-1);
        var ledger = Ledger(new LedgerSend(Guid.NewGuid(), "news-1", CampaignTypes.Newsletter, DateTimeOffset.Parse(sent, CultureInfo.InvariantCulture)));
        var sendAt = DateTimeOffset.Parse(next, CultureInfo.InvariantCulture);

        Assert.Equal(admittedInLondon, Defaults.Decide(ledger, CampaignTypes.Newsletter, sendAt, now, london).Admitted);
        Assert.Equal(admittedInUtc, Defaults.Decide(ledger, CampaignTypes.Newsletter, sendAt, now).Admitted);
    }

    [Fact]
    public void Decide_lowers_the_cap_of_a_user_who_stopped_reading()
    {
        var unread = Ledger(
            Sent(CampaignTypes.Promotional, -25), Sent(CampaignTypes.Newsletter, -20), Sent(CampaignTypes.Promotional, -15),
            Sent(CampaignTypes.Promotional, -10), Sent(CampaignTypes.Promotional, -1));

        var decision = Defaults.Decide(unread, CampaignTypes.Promotional, SendAt, Now);

        Assert.Equal(FatigueState.Saturated, decision.State);
        Assert.Equal((5, 1.0), (decision.Fatigue.UnengagedSends, decision.Fatigue.Score));
        Assert.Equal((1, 3, 1), (decision.SendsInWindow, decision.Cap, decision.EffectiveCap));
        Assert.Equal(SuppressionReasons.Fatigue, decision.SuppressionReason);
    }

    [Fact]
    public void Decide_after_a_human_open_or_click_no_longer_lowers_the_cap()
    {
        var unread = Ledger(
            Sent(CampaignTypes.Promotional, -25), Sent(CampaignTypes.Newsletter, -20), Sent(CampaignTypes.Promotional, -15),
            Sent(CampaignTypes.Promotional, -10), Sent(CampaignTypes.Promotional, -1));
        var openedYesterdays = unread with { LastEngagedAt = Now.AddHours(-12) };

        var decision = Defaults.Decide(openedYesterdays, CampaignTypes.Promotional, SendAt, Now);

        Assert.True(decision.Admitted);
        Assert.Equal((0, 0.0), (decision.Fatigue.UnengagedSends, decision.Fatigue.Score));
        Assert.Equal(3, decision.EffectiveCap);
        Assert.Equal(FatigueState.Undersaturated, decision.State);
    }

    [Fact]
    public void Decide_scores_only_sends_that_reached_the_user_within_the_lookback()
    {
        // Three sends are older than the 30-day lookback and three not sent yet: none of them says the user stopped reading.
        var ledger = Ledger(
            Sent(CampaignTypes.Promotional, -40), Sent(CampaignTypes.Promotional, -35), Sent(CampaignTypes.Promotional, -31),
            Sent(CampaignTypes.Promotional, -2), Sent(CampaignTypes.Promotional, 3), Sent(CampaignTypes.Promotional, 9), Sent(CampaignTypes.Promotional, 12));

        var decision = Defaults.Decide(ledger, CampaignTypes.Promotional, SendAt, Now);

        Assert.Equal(1, decision.Fatigue.UnengagedSends);
        Assert.Equal(0.2, decision.Fatigue.Score, 6);
        Assert.Equal(FatigueState.OnTarget, decision.State);
        Assert.True(decision.Admitted);
    }

    [Fact]
    public void Decide_for_a_saturated_user_keeps_at_least_one_email_per_period()
    {
        var unread = Ledger([.. Enumerable.Range(0, 5).Select(week => Sent(CampaignTypes.Newsletter, -8 - (week * 4)))]);

        var decision = Defaults.Decide(unread, CampaignTypes.Newsletter, SendAt, Now);

        Assert.Equal(FatigueState.Saturated, decision.State);
        Assert.Equal(1, decision.EffectiveCap);
        Assert.True(decision.Admitted);
    }

    private static SendLedger Ledger(params LedgerSend[] sends) => new([.. sends.OrderBy(send => send.SendAt)], null);

    private static LedgerSend Sent(string campaignType, int daysFromNow) =>
        new(Guid.NewGuid(), $"campaign-{Guid.NewGuid():N}", campaignType, Now.AddDays(daysFromNow));
}
