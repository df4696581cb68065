using Tailor.ContentGeneration.Frequency;
using Tailor.Contracts;

namespace Tailor.ContentGeneration.Tests;

public sealed class SendLedgerTests
{
    private static readonly DateTimeOffset Now = new(2030, 1, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void WithSend_drops_sends_older_than_what_any_cap_still_looks_at_and_keeps_them_in_send_order()
    {
        var old = Send(Now.AddDays(-40));
        var recent = Send(Now.AddDays(-2));
        var ledger = new SendLedger([old, recent], null);

        var updated = ledger.WithSend(Send(Now.AddDays(-5)), keepFrom: Now.AddDays(-30));

        Assert.DoesNotContain(old, updated.Sends);
        Assert.Equal([Now.AddDays(-5), Now.AddDays(-2)], updated.Sends.Select(send => send.SendAt));
    }

    [Fact]
    public void WithSend_of_an_email_already_there_replaces_it_instead_of_counting_it_twice()
    {
        var first = Send(Now.AddDays(1));
        var ledger = SendLedger.Empty.WithSend(first, Now.AddDays(-30));

        var retried = ledger.WithSend(first with { SendAt = Now.AddDays(2) }, Now.AddDays(-30));

        Assert.Equal(Now.AddDays(2), Assert.Single(retried.Sends).SendAt);
        Assert.True(retried.Holds(first.EmailId));
    }

    [Fact]
    public void WithEngagement_keeps_the_latest_time_whatever_order_engagements_arrive_in()
    {
        var ledger = SendLedger.Empty.WithEngagement(Now, Now.AddDays(-30));

        var older = ledger.WithEngagement(Now.AddDays(-3), Now.AddDays(-30));
        var newer = older.WithEngagement(Now.AddHours(5), Now.AddDays(-30));

        Assert.Equal(Now, older.LastEngagedAt);
        Assert.Equal(Now.AddHours(5), newer.LastEngagedAt);
    }

    private static LedgerSend Send(DateTimeOffset sendAt) => new(Guid.NewGuid(), "autumn-1", CampaignTypes.Promotional, sendAt);
}
