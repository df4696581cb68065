using Tailor.Ingestion.Reports;

namespace Tailor.Ingestion.Tests.Reports;

/// <summary>The rule an order is attributed by, and what a user's ledger keeps, on the document itself.</summary>
public sealed class ConversionLedgerTests
{
    private static readonly DateTimeOffset Now = IngestionApp.Now;
    private static readonly TimeSpan Window = TimeSpan.FromDays(5);

    [Fact]
    public void An_order_goes_to_the_latest_email_sent_within_the_window_before_it_and_the_decision_stays()
    {
        var older = Email("older", Now.AddDays(-4));
        var latest = Email("latest", Now.AddDays(-1));
        var ledger = ConversionLedger.Empty.WithEmails([older, latest, Email("after", Now.AddHours(1)), Email("too-old", Now.AddDays(-6))]);
        var order = Guid.NewGuid();

        var decided = ledger.WithOrders([(order, Now)], Window);
        // An email sent between the two the order already chose from does not move it.
        var later = decided.WithEmails([Email("recorded-late", Now.AddHours(-1))]);

        Assert.Equal(latest, decided.AttributionOf(order, Now, Window));
        Assert.Equal(latest, later.AttributionOf(order, Now, Window));
        Assert.Equal("recorded-late", later.AttributionOf(Guid.NewGuid(), Now, Window)?.CampaignId);
        Assert.Same(decided, decided.WithOrders([(order, Now)], Window));
        Assert.Same(later, later.WithEmails([latest]));
    }

    [Fact]
    public void An_order_with_no_email_in_its_window_is_kept_as_attributed_to_none()
    {
        var ledger = ConversionLedger.Empty.WithEmails([Email("old", Now.AddDays(-6))]);
        var order = Guid.NewGuid();

        var decided = ledger.WithOrders([(order, Now)], Window).WithEmails([Email("recorded-late", Now.AddDays(-1))]);

        var kept = Assert.Single(decided.Orders);
        Assert.Equal((order, (LedgerEmail?)null), (kept.OrderKey, kept.Email));
        Assert.Null(decided.AttributionOf(order, Now, Window));
    }

    [Fact]
    public void It_keeps_the_newest_emails_and_orders_and_lets_go_of_what_is_older_than_the_retention_before_the_newest_order()
    {
        var ledger = ConversionLedger.Empty.WithEmails(
            [.. Enumerable.Range(0, ConversionLedger.MaxEmails + 10).Select(day => Email($"c{day}", Now.AddDays(-day)))]);
        Assert.Equal(ConversionLedger.MaxEmails, ledger.Emails.Count);
        Assert.Equal(Now, ledger.Emails.Max(email => email.SendAt));
        Assert.Equal(Now.AddDays(-(ConversionLedger.MaxEmails - 1)), ledger.Emails.Min(email => email.SendAt));

        var withOrders = ledger.WithOrders(
            [.. Enumerable.Range(0, ConversionLedger.MaxOrders + 5).Select(hour => (Guid.NewGuid(), Now.AddHours(-hour)))], Window);

        Assert.Equal(ConversionLedger.MaxOrders, withOrders.Orders.Count);
        Assert.All(withOrders.Emails, email => Assert.True(email.SendAt >= Now - ConversionLedger.Retention));
        Assert.Equal(61, withOrders.Emails.Count); // days 0 to 60 before the newest order
    }

    [Fact]
    public void An_order_older_than_the_retention_is_decided_but_not_kept()
    {
        var ledger = ConversionLedger.Empty.WithEmails([Email("recent", Now.AddDays(-1))]).WithOrders([(Guid.NewGuid(), Now)], Window);
        var old = Guid.NewGuid();

        var after = ledger.WithOrders([(old, Now - ConversionLedger.Retention - TimeSpan.FromDays(1))], Window);

        Assert.Same(ledger, after);
        Assert.Null(after.AttributionOf(old, Now - ConversionLedger.Retention - TimeSpan.FromDays(1), Window));
    }

    private static LedgerEmail Email(string campaignId, DateTimeOffset sendAt) => new(Guid.NewGuid(), campaignId, sendAt);
}
