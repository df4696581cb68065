using Tailor.Contracts;
using Tailor.Ingestion.Reports;
using Tailor.Messaging;

namespace Tailor.Ingestion.Tests.Reports;

/// <summary>The rule an order is attributed by, and what a user's ledger keeps, on the document itself.</summary>
public sealed class ConversionLedgerTests
{
    private static readonly DateTimeOffset Now = IngestionApp.Now;
    private static readonly TimeSpan Window = TimeSpan.FromDays(5);

    [Fact]
    public void An_order_resent_in_the_same_batch_counts_its_first_calls_lines_once_and_one_calls_repeated_product_is_summed()
    {
        var firstCall = Now;
        var reloaded = Now.AddMinutes(2);
        Dictionary<string, string> order = new() { ["order_id"] = "50001", ["currency"] = "GBP" };
        var purchases = new[]
        {
            // The order's call: the same product on two lines, 2 × 1.50 and 1 × 3.00.
            new UserActivityTracked(Guid.NewGuid(), "12583", firstCall, ActivityKinds.Purchase, "85123A", null, 2, 1.50m, null, order),
            new UserActivityTracked(Guid.NewGuid(), "12583", firstCall, ActivityKinds.Purchase, "85123A", null, 1, 3.00m, null, order),
            // The thank-you page reloaded: the same order again, another call, new event ids.
            new UserActivityTracked(Guid.NewGuid(), "12583", reloaded, ActivityKinds.Purchase, "85123A", null, 2, 1.50m, null, order),
            new UserActivityTracked(Guid.NewGuid(), "12583", reloaded, ActivityKinds.Purchase, "85123A", null, 1, 3.00m, null, order),
        };

        var line = Assert.Single(OrderLine.Of(purchases));

        Assert.Equal((6.00m, firstCall, "GBP"), (line.Amount, line.OrderedAt, line.Currency));
    }

    [Fact]
    public void An_order_goes_to_the_latest_email_sent_within_the_window_before_it_and_its_later_lines_follow()
    {
        var older = Email("older", Now.AddDays(-4));
        var latest = Email("latest", Now.AddDays(-1));
        var ledger = ConversionLedger.Empty.WithEmails([older, latest, Email("after", Now.AddHours(1)), Email("too-old", Now.AddDays(-6))], Window);
        var first = Line("o-1", Now, 4m);

        var decided = ledger.WithOrders([first], Window);

        Assert.Equal(latest, decided.Attribute(first, Window).Email);
        Assert.Equal(latest, decided.Attribute(Line("o-1", Now, 6m, product: "22423"), Window).Email);
        Assert.Same(decided, decided.WithOrders([first], Window));
        Assert.Same(decided, decided.WithEmails([latest], Window));
    }

    [Fact]
    public void An_email_recorded_after_an_order_it_preceded_takes_the_order_when_it_is_later_and_keeps_the_one_it_left()
    {
        var earlier = Email("earlier", Now.AddDays(-3));
        var line = Line("o-1", Now, 4m);
        var decided = ConversionLedger.Empty.WithEmails([earlier], Window).WithOrders([line], Window);

        var recordedLate = Email("recorded-late", Now.AddHours(-1));
        var moved = decided.WithEmails([recordedLate, Email("after", Now.AddHours(1)), Email("older", Now.AddDays(-4))], Window);

        var order = Assert.Single(moved.Orders);
        Assert.Equal(recordedLate, order.Email);
        Assert.Equal([earlier], order.Superseded);
        Assert.Equal(recordedLate, moved.Attribute(line, Window).Email);
        Assert.Equal([line], order.LinesOf("u1"));
    }

    [Fact]
    public void An_order_with_no_email_yet_is_kept_with_its_lines_and_taken_by_an_email_recorded_later()
    {
        var line = Line("o-1", Now, 4m);
        var decided = ConversionLedger.Empty.WithOrders([line], Window);
        Assert.Null(Assert.Single(decided.Orders).Email);

        var outOfWindow = decided.WithEmails([Email("old", Now.AddDays(-6))], Window);
        var recordedLate = Email("recorded-late", Now.AddDays(-1));
        var taken = outOfWindow.WithEmails([recordedLate], Window);

        Assert.Null(outOfWindow.Attribute(line, Window).Email);
        var order = Assert.Single(taken.Orders);
        Assert.Equal((recordedLate, 0), (order.Email, order.Superseded.Count));
    }

    [Fact]
    public void A_line_is_kept_as_first_taken_and_read_back_so()
    {
        var ledger = ConversionLedger.Empty.WithEmails([Email("c", Now.AddDays(-1))], Window).WithOrders([Line("o-1", Now, 4m)], Window);

        // A later copy of the line, its amount summed differently in another batch, changes nothing.
        Assert.Same(ledger, ledger.WithOrders([Line("o-1", Now, 8m)], Window));
        Assert.Equal(4m, ledger.Attribute(Line("o-1", Now, 8m), Window).Line.Amount);
    }

    [Fact]
    public void It_keeps_the_newest_emails_and_orders_and_lets_go_of_what_is_older_than_the_retention_before_the_newest_order()
    {
        var ledger = ConversionLedger.Empty.WithEmails(
            [.. Enumerable.Range(0, ConversionLedger.MaxEmails + 10).Select(day => Email($"c{day}", Now.AddDays(-day)))], Window);
        Assert.Equal(ConversionLedger.MaxEmails, ledger.Emails.Count);
        Assert.Equal(Now, ledger.Emails.Max(email => email.SendAt));
        Assert.Equal(Now.AddDays(-(ConversionLedger.MaxEmails - 1)), ledger.Emails.Min(email => email.SendAt));

        var withOrders = ledger.WithOrders(
            [.. Enumerable.Range(0, ConversionLedger.MaxOrders + 5).Select(hour => Line($"o-{hour}", Now.AddHours(-hour), 1m))], Window);

        Assert.Equal(ConversionLedger.MaxOrders, withOrders.Orders.Count);
        Assert.All(withOrders.Emails, email => Assert.True(email.SendAt >= Now - ConversionLedger.Retention));
        Assert.Equal(61, withOrders.Emails.Count); // days 0 to 60 before the newest order
    }

    [Fact]
    public void An_order_older_than_the_retention_is_decided_but_not_kept()
    {
        var ledger = ConversionLedger.Empty.WithEmails([Email("recent", Now.AddDays(-1))], Window).WithOrders([Line("o-new", Now, 1m)], Window);
        var old = Line("o-old", Now - ConversionLedger.Retention - TimeSpan.FromDays(1), 1m);

        var after = ledger.WithOrders([old], Window);

        Assert.Same(ledger, after);
        Assert.Null(after.Attribute(old, Window).Email);
    }

    private static LedgerEmail Email(string campaignId, DateTimeOffset sendAt) => new(Guid.NewGuid(), campaignId, sendAt);

    private static OrderLine Line(string orderId, DateTimeOffset orderedAt, decimal amount, string product = "85123A") =>
        new(StableIds.From("tailor.tests.order-line", orderId, product), "u1", $"id:{orderId}", orderedAt, "GBP", amount);
}
