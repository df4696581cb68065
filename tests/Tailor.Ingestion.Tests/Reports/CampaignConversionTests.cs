using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Tailor.Contracts;
using Tailor.Ingestion.Reports;
using Tailor.Ingestion.Tests.Replicas;
using Tailor.Ingestion.Tests.Webhooks;
using Tailor.Storage;
using Tailor.Storage.Sqlite;
using Tailor.Testing;
using Line = Tailor.Ingestion.Tests.Reports.OrdersPlaced.Line;

namespace Tailor.Ingestion.Tests.Reports;

/// <summary>
/// Orders sent as Segment <c>Order Completed</c> calls are attributed to the latest campaign email each user was sent
/// within the conversion window, and the campaign report counts them per arm, checked against a hand count.
/// </summary>
public sealed class CampaignConversionTests
{
    private static readonly DateTimeOffset Now = IngestionApp.Now;

    [Fact]
    public async Task An_order_within_the_window_after_a_personalised_email_converts_it_with_its_revenue()
    {
        await using var app = await IngestionApp.StartAsync();
        await CampaignEmailsSent.SendAsync(app, "spring", "u1", CampaignArms.Personalised, variant: null, sendAt: Now.AddDays(-2));
        await CampaignEmailsSent.SendAsync(app, "spring", "u2", CampaignArms.Personalised, variant: null, sendAt: Now.AddDays(-2));

        // A day after the email: 6 × 2.55 + 2 × 12.75 = 40.80 GBP.
        await OrdersPlaced.OrderAsync(app, "u1", "o-1", Now.AddDays(-1), "GBP", new Line("85123A", 2.55m, 6), new Line("22423", 12.75m, 2));

        var report = await CampaignReportTests.ReportAsync(app, "spring");
        var arm = Assert.Single(report.GetProperty("arms").EnumerateArray());
        AssertConversions(arm, conversions: 1, orders: 1, ("GBP", 40.80m));
        Assert.Equal(0.5, arm.GetProperty("conversionRate").GetDouble());
        Assert.Equal(20.40m, arm.GetProperty("revenuePerEmail").GetProperty("GBP").GetDecimal());
        AssertConversions(report.GetProperty("total"), conversions: 1, orders: 1, ("GBP", 40.80m));
        var variant = Assert.Single(report.GetProperty("variants").EnumerateArray());
        AssertConversions(variant, conversions: 1, orders: 1, ("GBP", 40.80m));

        // The line is kept in the campaign's own stream, filed under its user, with the email's send time.
        var lines = await app.Events.ReadMessagesAsync<CampaignOrderLine>(new EventQuery(CampaignOrders.Stream("spring")), TestContext.Current.CancellationToken)
            .ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal([15.30m, 25.50m], lines.Select(line => line.Amount!.Value).Order());
        Assert.All(lines, line => Assert.Equal((Now.AddDays(-2), "id:o-1"), (line.SentAt, line.OrderId)));
    }

    [Theory]
    [InlineData(null, 0)] // the default window, 5 days: the order 7 days after the email counts for nothing
    [InlineData("8.00:00:00", 1)]
    public async Task An_order_counts_only_within_the_configured_window_after_the_email(string? window, int expected)
    {
        await using var app = await IngestionApp.StartAsync(
            configure: window is null ? null : new Dictionary<string, string?> { ["Tailor:Ingestion:ConversionWindow"] = window });
        await CampaignEmailsSent.SendAsync(app, "late", "u1", CampaignArms.Personalised, variant: null, sendAt: Now.AddDays(-7));
        await CampaignEmailsSent.SendAsync(app, "late", "u2", CampaignArms.Personalised, variant: null, sendAt: Now.AddDays(-1));

        await OrdersPlaced.OrderAsync(app, "u1", "o-late", Now, "GBP", new Line("85123A", 10m, 1));
        // u2 ordered the day before the email was sent: the email cannot have led to it, whatever the window.
        await OrdersPlaced.OrderAsync(app, "u2", "o-before", Now.AddDays(-2), "GBP", new Line("85123A", 10m, 1));

        var arm = Assert.Single((await CampaignReportTests.ReportAsync(app, "late")).GetProperty("arms").EnumerateArray());
        AssertConversions(arm, conversions: expected, orders: expected, revenue: expected == 0 ? [] : [("GBP", 10m)]);
        Assert.Equal(expected / 2.0, arm.GetProperty("conversionRate").GetDouble());
    }

    [Fact]
    public async Task An_order_of_twenty_lines_delivered_twice_is_one_conversion_with_its_whole_revenue()
    {
        await using var app = await IngestionApp.StartAsync();
        await CampaignEmailsSent.SendAsync(app, "twenty", "u1", CampaignArms.Personalised, variant: null, sendAt: Now.AddDays(-1));

        // Twenty lines of 2 × 1.25 = 2.50 each: 50.00 EUR in all.
        var purchases = await OrdersPlaced.OrderAsync(
            app, "u1", "o-20", Now.AddHours(-3), "eur", [.. Enumerable.Range(0, 20).Select(index => new Line($"item-{index}", 1.25m, 2))]);
        await OrdersPlaced.RedeliverAsync(app, purchases);

        Assert.Equal(20, purchases.Count);
        var arm = Assert.Single((await CampaignReportTests.ReportAsync(app, "twenty")).GetProperty("arms").EnumerateArray());
        AssertConversions(arm, conversions: 1, orders: 1, ("EUR", 50.00m));
        Assert.Equal(20, await app.Events.CountAsync(CampaignOrders.Stream("twenty"), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Two_replicas_taking_every_line_of_an_order_at_once_count_it_once()
    {
        await using var replicas = await TwoReplicas.StartAsync();
        await CampaignEmailsSent.SendAsync(replicas.First, "replicas", "u1", CampaignArms.Personalised, variant: null, sendAt: Now.AddDays(-1));
        var purchases = await OrdersPlaced.OrderAsync(
            replicas.First, "u1", "o-r", Now.AddHours(-1), "GBP", [.. Enumerable.Range(0, 20).Select(index => new Line($"item-{index}", 3m, 1))]);

        // The second replica takes copies of every line, as two replicas bound to one queue would after a redelivery.
        foreach (var purchase in purchases)
        {
            await replicas.Second.Harness.Bus.Publish(purchase, TestContext.Current.CancellationToken);
        }

        await OrdersPlaced.AttributedAsync(replicas.Second, purchases.Select(purchase => purchase.EventId).ToHashSet(), times: 1);

        var arm = Assert.Single((await CampaignReportTests.ReportAsync(replicas.Second, "replicas")).GetProperty("arms").EnumerateArray());
        AssertConversions(arm, conversions: 1, orders: 1, ("GBP", 60m));
    }

    [Fact]
    public async Task A_store_failure_while_recording_an_order_is_retried_and_the_order_counts_once_and_whole()
    {
        EventStoreFailingOnce? failing = null;
        await using var app = await IngestionApp.StartAsync(services => services.Replace(ServiceDescriptor.Singleton<IEventStore>(provider =>
            failing = new EventStoreFailingOnce(new SqliteEventStore(provider.GetRequiredService<SqliteDatabase>()), CampaignOrders.Stream("retried")))));
        await CampaignEmailsSent.SendAsync(app, "retried", "u1", CampaignArms.Personalised, variant: null, sendAt: Now.AddDays(-1));

        await OrdersPlaced.OrderAsync(
            app, "u1", "o-retried", Now.AddHours(-1), "GBP", new Line("85123A", 2m, 1), new Line("22423", 3m, 1), new Line("84029G", 4m, 1));

        Assert.True(failing!.Failed);
        Assert.False(await app.AnyFaultPublishedAsync());
        var arm = Assert.Single((await CampaignReportTests.ReportAsync(app, "retried")).GetProperty("arms").EnumerateArray());
        AssertConversions(arm, conversions: 1, orders: 1, ("GBP", 9m));
        Assert.Equal(3, await app.Events.CountAsync(CampaignOrders.Stream("retried"), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task The_latest_campaign_email_before_the_order_wins()
    {
        await using var app = await IngestionApp.StartAsync();
        await CampaignEmailsSent.SendAsync(app, "autumn", "u1", CampaignArms.Personalised, variant: null, sendAt: Now.AddDays(-4));
        await CampaignEmailsSent.SendAsync(app, "winter", "u1", CampaignArms.Personalised, variant: null, sendAt: Now.AddDays(-1));
        // Sent after the order: it cannot have led to it.
        await CampaignEmailsSent.SendAsync(app, "spring", "u1", CampaignArms.Personalised, variant: null, sendAt: Now);

        await OrdersPlaced.OrderAsync(app, "u1", "o-1", Now.AddHours(-12), "GBP", new Line("85123A", 5m, 3));

        AssertConversions(Assert.Single((await CampaignReportTests.ReportAsync(app, "winter")).GetProperty("arms").EnumerateArray()), 1, 1, ("GBP", 15m));
        AssertConversions(Assert.Single((await CampaignReportTests.ReportAsync(app, "autumn")).GetProperty("arms").EnumerateArray()), 0, 0);
        AssertConversions(Assert.Single((await CampaignReportTests.ReportAsync(app, "spring")).GetProperty("arms").EnumerateArray()), 0, 0);
    }

    [Fact]
    public async Task An_order_taken_before_a_later_email_was_recorded_moves_to_it_whole_and_leaves_the_earlier_campaign()
    {
        await using var app = await IngestionApp.StartAsync();
        await CampaignEmailsSent.SendAsync(app, "first", "u1", CampaignArms.Personalised, variant: null, sendAt: Now.AddDays(-3));
        var orderedAt = Now.AddDays(-1);
        await OrdersPlaced.OrderAsync(app, "u1", "o-split", orderedAt, "GBP", new Line("85123A", 4m, 1));
        AssertConversions(Assert.Single((await CampaignReportTests.ReportAsync(app, "first")).GetProperty("arms").EnumerateArray()), 1, 1, ("GBP", 4m));

        // An email sent before the order but recorded only now (its page was behind the order in Ingestion's queues),
        // then the order's last line in a call of its own: the whole order counts for the later email, once.
        await CampaignEmailsSent.SendAsync(app, "recorded-late", "u1", CampaignArms.Personalised, variant: null, sendAt: Now.AddDays(-2));
        await OrdersPlaced.OrderAsync(app, "u1", "o-split", orderedAt, "GBP", new Line("22423", 6m, 1));

        AssertConversions(Assert.Single((await CampaignReportTests.ReportAsync(app, "first")).GetProperty("arms").EnumerateArray()), 0, 0);
        AssertConversions(Assert.Single((await CampaignReportTests.ReportAsync(app, "recorded-late")).GetProperty("arms").EnumerateArray()), 1, 1, ("GBP", 10m));
    }

    [Fact]
    public async Task An_order_of_a_user_sent_no_email_yet_is_attributed_when_the_emails_page_comes_after_it()
    {
        await using var app = await IngestionApp.StartAsync();
        await OrdersPlaced.OrderAsync(app, "u1", "o-early", Now.AddHours(-2), "GBP", new Line("85123A", 7m, 2));
        Assert.NotNull(await app.Documents.GetAsync(ConversionLedgers.Collection, "u1", TestContext.Current.CancellationToken));

        await CampaignEmailsSent.SendAsync(app, "page-late", "u1", CampaignArms.Personalised, variant: null, sendAt: Now.AddDays(-1));

        AssertConversions(Assert.Single((await CampaignReportTests.ReportAsync(app, "page-late")).GetProperty("arms").EnumerateArray()), 1, 1, ("GBP", 14m));
    }

    [Fact]
    public async Task An_order_sent_again_with_new_message_ids_counts_its_revenue_once()
    {
        await using var app = await IngestionApp.StartAsync();
        await CampaignEmailsSent.SendAsync(app, "resent", "u1", CampaignArms.Personalised, variant: null, sendAt: Now.AddDays(-1));
        Line[] lines = [new("85123A", 2.55m, 6), new("22423", 12.75m, 2)];

        // A reloaded thank-you page: the same order again ten minutes later, in a call with a message id of its own.
        var first = await OrdersPlaced.OrderAsync(app, "m-1", "u1", "o-1", Now.AddHours(-1), "GBP", lines);
        var again = await OrdersPlaced.OrderAsync(app, "m-2", "u1", "o-1", Now.AddMinutes(-50), "GBP", lines);

        Assert.Empty(first.Select(purchase => purchase.EventId).Intersect(again.Select(purchase => purchase.EventId)));
        var arm = Assert.Single((await CampaignReportTests.ReportAsync(app, "resent")).GetProperty("arms").EnumerateArray());
        AssertConversions(arm, conversions: 1, orders: 1, ("GBP", 40.80m));
        Assert.Equal(40.80m, arm.GetProperty("revenuePerEmail").GetProperty("GBP").GetDecimal());
    }

    [Fact]
    public async Task An_order_listing_one_product_twice_counts_both_lines()
    {
        await using var app = await IngestionApp.StartAsync();
        await CampaignEmailsSent.SendAsync(app, "twice", "u1", CampaignArms.Personalised, variant: null, sendAt: Now.AddDays(-1));

        await OrdersPlaced.OrderAsync(app, "u1", "o-1", Now.AddHours(-1), "GBP", new Line("85123A", 2m, 1), new Line("85123A", 3m, 2), new Line("22423", 1m, 1));

        AssertConversions(Assert.Single((await CampaignReportTests.ReportAsync(app, "twice")).GetProperty("arms").EnumerateArray()), 1, 1, ("GBP", 9m));
    }

    [Fact]
    public async Task Orders_in_two_currencies_and_orders_without_one_are_summed_apart()
    {
        await using var app = await IngestionApp.StartAsync();
        await CampaignEmailsSent.SendAsync(app, "currencies", "u1", CampaignArms.Personalised, variant: null, sendAt: Now.AddDays(-1));

        await OrdersPlaced.OrderAsync(app, "u1", "o-gbp", Now.AddHours(-5), "GBP", new Line("85123A", 2.55m, 2));
        await OrdersPlaced.OrderAsync(app, "u1", "o-eur", Now.AddHours(-4), "EUR", new Line("85123A", 3m, 1));
        // An order without an id or a currency: its lines share the call's time, so they are one order.
        await OrdersPlaced.OrderAsync(app, "u1", orderId: null, Now.AddHours(-3), currency: null, new Line("85123A", 1m, 1), new Line("22423", 2m, 1));

        var arm = Assert.Single((await CampaignReportTests.ReportAsync(app, "currencies")).GetProperty("arms").EnumerateArray());
        AssertConversions(arm, conversions: 1, orders: 3, ("EUR", 3m), ("GBP", 5.10m), (OrderLine.NoCurrency, 3m));
    }

    [Fact]
    public async Task Control_arm_conversions_give_the_lift_of_the_conversion_rate_with_its_intervals()
    {
        await using var app = await IngestionApp.StartAsync();
        for (var i = 1; i <= 5; i++)
        {
            await CampaignEmailsSent.SendAsync(app, "lift", $"p{i}", CampaignArms.Personalised, variant: null, sendAt: Now.AddDays(-2));
        }

        for (var i = 1; i <= 4; i++)
        {
            await CampaignEmailsSent.SendAsync(app, "lift", $"c{i}", CampaignArms.Control, variant: null, sendAt: Now.AddDays(-2));
        }

        // The hand count: p1 orders twice, p2 and p3 once (3 of 5 personalised emails converted, 4 orders); c1 once (1 of 4).
        await OrdersPlaced.OrderAsync(app, "p1", "o-p1a", Now.AddDays(-1), "GBP", new Line("85123A", 10m, 1));
        await OrdersPlaced.OrderAsync(app, "p1", "o-p1b", Now.AddHours(-2), "GBP", new Line("85123A", 10m, 2));
        await OrdersPlaced.OrderAsync(app, "p2", "o-p2", Now.AddDays(-1), "GBP", new Line("22423", 12.75m, 1));
        await OrdersPlaced.OrderAsync(app, "p3", "o-p3", Now.AddDays(-1), "GBP", new Line("22423", 12.75m, 1));
        await OrdersPlaced.OrderAsync(app, "c1", "o-c1", Now.AddDays(-1), "GBP", new Line("85123A", 8m, 1));

        var report = await CampaignReportTests.ReportAsync(app, "lift");

        var arms = report.GetProperty("arms").EnumerateArray().ToList();
        Assert.Equal([CampaignArms.Personalised, CampaignArms.Control], arms.Select(arm => arm.GetProperty("arm").GetString()));
        AssertConversions(arms[0], conversions: 3, orders: 4, ("GBP", 55.50m));
        Assert.Equal(11.10m, arms[0].GetProperty("revenuePerEmail").GetProperty("GBP").GetDecimal());
        AssertConversions(arms[1], conversions: 1, orders: 1, ("GBP", 8m));
        Assert.Equal(2m, arms[1].GetProperty("revenuePerEmail").GetProperty("GBP").GetDecimal());

        // By hand: 3 of 5 against 1 of 4. Wilson: 3/5 → (0.230724, 0.882379), 1/4 → (0.045587, 0.699358). Newcombe:
        // 0.35 − √((0.6 − 0.230724)² + (0.699358 − 0.25)²) = −0.231625; 0.35 + √((0.882379 − 0.6)² + (0.25 − 0.045587)²) =
        // 0.698601. Ratio 2.4, log standard error √(1/3 − 1/5 + 1/1 − 1/4) = 0.939858: 0.380367 to 15.143280.
        var conversion = report.GetProperty("lift").GetProperty("conversion");
        Assert.Equal((0.6, 0.25), (conversion.GetProperty("personalisedRate").GetDouble(), conversion.GetProperty("controlRate").GetDouble()));
        CampaignReportTests.AssertInterval(conversion.GetProperty("difference"), 0.35, -0.231625, 0.698601);
        CampaignReportTests.AssertInterval(conversion.GetProperty("ratio"), 2.4, 0.380367, 15.143280);
    }

    [Fact]
    public async Task With_delivery_events_an_order_after_an_email_that_bounced_is_no_conversion_and_a_control_arm_without_one_has_no_ratio()
    {
        using var signer = new ProviderSigner();
        await using var app = await IngestionApp.StartAsync(configure: signer.Configuration);
        var delivered = await CampaignEmailsSent.SendAsync(app, "bounced", "p1", CampaignArms.Personalised, variant: null, sendAt: Now.AddDays(-1));
        var bounced = await CampaignEmailsSent.SendAsync(app, "bounced", "p2", CampaignArms.Personalised, variant: null, sendAt: Now.AddDays(-1));
        var control = await CampaignEmailsSent.SendAsync(app, "bounced", "c1", CampaignArms.Control, variant: null, sendAt: Now.AddDays(-1));
        await CampaignReportTests.PostSignedAsync(app, signer, $"[{CampaignReportTests.Event("d-p1", "delivered", delivered)},"
            + $"{CampaignReportTests.Event("b-p2", "bounce", bounced, """ "type": "bounce", "reason": "550 5.1.1 unknown user" """)},"
            + $"{CampaignReportTests.Event("d-c1", "delivered", control)}]");
        await CampaignEmailsSent.EngagementsCountedAsync(app);

        await OrdersPlaced.OrderAsync(app, "p1", "o-p1", Now.AddHours(-2), "GBP", new Line("85123A", 7m, 1));
        await OrdersPlaced.OrderAsync(app, "p2", "o-p2", Now.AddHours(-2), "GBP", new Line("85123A", 9m, 1));

        var report = await CampaignReportTests.ReportAsync(app, "bounced");

        // Over delivered emails: p2's email never arrived, so it led to nothing; p1 converted 1 of 1 delivered.
        Assert.Equal("delivered", report.GetProperty("rateBase").GetString());
        var arms = report.GetProperty("arms").EnumerateArray().ToList();
        AssertConversions(arms[0], conversions: 1, orders: 1, ("GBP", 7m));
        Assert.Equal(1.0, arms[0].GetProperty("conversionRate").GetDouble());
        AssertConversions(arms[1], conversions: 0, orders: 0);
        var conversion = report.GetProperty("lift").GetProperty("conversion");
        // 1 of 1 against 0 of 1. Wilson: 1/1 → (0.206549, 1), 0/1 → (0, 0.793451); Newcombe: 1 − √(0.793451² + 0.793451²) = −0.122109 to 1.
        CampaignReportTests.AssertInterval(conversion.GetProperty("difference"), 1.0, -0.122109, 1.0);
        Assert.Equal(JsonValueKind.Null, conversion.GetProperty("ratio").ValueKind);
        Assert.Contains("no email", conversion.GetProperty("ratioUnavailable").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_anonymous_order_published_when_its_id_is_linked_is_attributed_to_the_users_email()
    {
        await using var app = await IngestionApp.StartAsync();
        await CampaignEmailsSent.SendAsync(app, "anonymous", "u1", CampaignArms.Personalised, variant: null, sendAt: Now.AddDays(-1));
        (await app.PostRawAsync("/v1/track", $$$"""
            {"anonymousId":"device-9","event":"Order Completed","timestamp":"{{{Now.AddHours(-6):O}}}",
             "properties":{"order_id":"o-anon","currency":"GBP","products":[{"product_id":"85123A","price":2.5,"quantity":4}]}}
            """)).EnsureSuccessStatusCode();

        (await app.PostRawAsync("/v1/identify", """{"userId":"u1","anonymousId":"device-9","traits":{"email":"u1@example.com"}}""")).EnsureSuccessStatusCode();

        var linked = Assert.Single(app.Published<UserActivityTracked>(), purchase => purchase.UserId == "u1");
        await OrdersPlaced.AttributedAsync(app, new HashSet<Guid> { linked.EventId }, times: 1);
        var arm = Assert.Single((await CampaignReportTests.ReportAsync(app, "anonymous")).GetProperty("arms").EnumerateArray());
        AssertConversions(arm, conversions: 1, orders: 1, ("GBP", 10m));
    }

    [Fact]
    public async Task Erasing_a_user_takes_their_conversions_and_their_ledger_away_and_leaves_the_others()
    {
        await using var app = await IngestionApp.StartAsync();
        await CampaignEmailsSent.SendAsync(app, "erasure", "u1", CampaignArms.Personalised, variant: null, sendAt: Now.AddDays(-1));
        await CampaignEmailsSent.SendAsync(app, "erasure", "u2", CampaignArms.Control, variant: null, sendAt: Now.AddDays(-1));
        await OrdersPlaced.OrderAsync(app, "u1", "o-u1", Now.AddHours(-1), "GBP", new Line("85123A", 5m, 1));
        await OrdersPlaced.OrderAsync(app, "u2", "o-u2", Now.AddHours(-1), "GBP", new Line("85123A", 8m, 1));

        using var erased = await app.Client.DeleteAsync("/v1/users/u1", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Accepted, erased.StatusCode);
        var cancellationToken = TestContext.Current.CancellationToken;
        Assert.Null(await app.Documents.GetAsync(ConversionLedgers.Collection, "u1", cancellationToken));
        Assert.NotNull(await app.Documents.GetAsync(ConversionLedgers.Collection, "u2", cancellationToken));
        Assert.Empty(await app.Events.ReadAsync(new EventQuery(CampaignOrders.Stream("erasure")) { UserId = "u1" }, cancellationToken).ToListAsync(cancellationToken));
        var arm = Assert.Single((await CampaignReportTests.ReportAsync(app, "erasure")).GetProperty("arms").EnumerateArray());
        Assert.Equal(CampaignArms.Control, arm.GetProperty("arm").GetString());
        AssertConversions(arm, conversions: 1, orders: 1, ("GBP", 8m));

        // An order of the erased user's still on its way: kept in a new ledger without emails, credited to nothing.
        await OrdersPlaced.OrderAsync(app, "u1", "o-u1-late", Now, "GBP", new Line("85123A", 5m, 1));
        Assert.Empty(await app.Events.ReadAsync(new EventQuery(CampaignOrders.Stream("erasure")) { UserId = "u1" }, cancellationToken).ToListAsync(cancellationToken));
        Assert.Empty(JsonDocument.Parse((await app.Documents.GetAsync(ConversionLedgers.Collection, "u1", cancellationToken))!).RootElement.GetProperty("emails").EnumerateArray());
    }

    [Fact]
    public async Task Erasure_deletes_the_ledger_before_the_users_events_so_no_line_attributed_meanwhile_outlives_them()
    {
        LedgerAtEventDeletion? probe = null;
        await using var app = await IngestionApp.StartAsync(services => services.Replace(ServiceDescriptor.Singleton<IEventStore>(provider =>
            probe = new LedgerAtEventDeletion(new SqliteEventStore(provider.GetRequiredService<SqliteDatabase>()), provider.GetRequiredService<IDocumentStore>))));
        await CampaignEmailsSent.SendAsync(app, "erased-meanwhile", "u1", CampaignArms.Personalised, variant: null, sendAt: Now.AddDays(-1));
        await OrdersPlaced.OrderAsync(app, "u1", "o-u1", Now.AddHours(-1), "GBP", new Line("85123A", 5m, 1));

        using var erased = await app.Client.DeleteAsync("/v1/users/u1", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Accepted, erased.StatusCode);
        Assert.False(probe!.LedgerFound["u1"]);
    }

    private static void AssertConversions(JsonElement row, int conversions, int orders, params (string Currency, decimal Amount)[] revenue)
    {
        Assert.Equal((conversions, orders), (row.GetProperty("conversions").GetInt32(), row.GetProperty("orders").GetInt32()));
        Assert.Equal(
            revenue.OrderBy(entry => entry.Currency, StringComparer.Ordinal),
            row.GetProperty("revenue").EnumerateObject().Select(entry => (entry.Name, entry.Value.GetDecimal())));
    }
}
