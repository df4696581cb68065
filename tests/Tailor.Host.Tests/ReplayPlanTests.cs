using System.Text.Json;
using Tailor.Host.Demo;

namespace Tailor.Host.Tests;

public class ReplayPlanTests
{
    [Fact]
    public void From_bundled_sample_groups_invoices_into_orders_of_known_customers()
    {
        var lines = OnlineRetailReader.Read(DemoOptions.BundledSample).ToList();

        var plan = ReplayPlan.From(lines);

        var purchaseLines = lines.Count(l => !l.IsCancellation && l.CustomerId is not null && l.Quantity > 0 && l.UnitPrice >= 0 && l.Description.Length > 0);
        var invoices = lines.Where(l => !l.IsCancellation && l.CustomerId is not null && l.Quantity > 0 && l.Description.Length > 0)
            .Select(l => l.InvoiceNo).Distinct().Count();
        Assert.Equal(invoices, plan.Orders.Count);
        Assert.Equal(lines.Count - purchaseLines, plan.SkippedLines);
        Assert.Equal(lines.Where(l => l.CustomerId is not null && !l.IsCancellation && l.Quantity > 0).Select(l => l.CustomerId).Distinct().Count(), plan.Identifies.Count);
        var productsInOrders = plan.Orders.Sum(order => JsonSerializer.SerializeToElement(order).GetProperty("properties").GetProperty("products").GetArrayLength());
        Assert.Equal(purchaseLines, productsInOrders);
    }

    [Fact]
    public void From_orders_are_in_time_order_with_utc_timestamps_and_stable_message_ids()
    {
        var plan = ReplayPlan.From(OnlineRetailReader.Read(DemoOptions.BundledSample).Take(2000));

        var orders = plan.Orders.Select(order => JsonSerializer.SerializeToElement(order)).ToList();
        var times = orders.Select(o => DateTimeOffset.Parse(o.GetProperty("timestamp").GetString()!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(times.Order(), times);
        Assert.All(times, time => Assert.Equal(TimeSpan.Zero, time.Offset));
        Assert.All(orders, o => Assert.StartsWith("invoice-", o.GetProperty("messageId").GetString(), StringComparison.Ordinal));
        Assert.Equal("Order Completed", orders[0].GetProperty("event").GetString());
    }

    [Fact]
    public void From_prices_each_item_at_what_customers_paid_most_often_not_at_its_last_guest_sale()
    {
        var at = new DateTime(2010, 12, 1, 9, 0, 0, DateTimeKind.Unspecified);
        RetailLine[] lines =
        [
            new("536001", "HW", "HAND WARMER", 6, at, 2.10m, "12001", "United Kingdom"),
            new("536002", "HW", "HAND WARMER", 6, at.AddHours(1), 2.10m, "12002", "United Kingdom"),
            new("536003", "HW", "HAND WARMER", 96, at.AddHours(2), 1.85m, "12003", "United Kingdom"),
            new("536004", "HW", "HAND WARMER", 1, at.AddHours(3), 4.21m, null, "United Kingdom"),
            new("536004", "GUEST", "ONLY SOLD TO GUESTS", 1, at.AddHours(3), 3.75m, null, "United Kingdom"),
        ];

        var prices = ReplayPlan.From(lines).CatalogItems
            .Select(item => JsonSerializer.SerializeToElement(item))
            .ToDictionary(item => item.GetProperty("id").GetString()!, item => item.GetProperty("price").GetDecimal());

        Assert.Equal(2.10m, prices["HW"]);
        Assert.Equal(3.75m, prices["GUEST"]);
    }
}
