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
}
