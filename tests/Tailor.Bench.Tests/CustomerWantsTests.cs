using Tailor.Bench.Simulation;
using Tailor.Host.Demo;

namespace Tailor.Bench.Tests;

public sealed class CustomerWantsTests
{
    private static readonly DateTime Start = new(2026, 12, 7, 0, 0, 0, DateTimeKind.Unspecified);

    private static RetailLine Line(string invoice, string item, int days) =>
        new(invoice, item, $"Product {item}", 2, Start.AddDays(days), 1.5m, "c1", "United Kingdom");

    [Fact]
    public void Products_are_wanted_from_the_lead_before_their_order_until_it_falls_due()
    {
        // The lead is 28 days: B, due on day 30, comes into view on day 2.
        var wants = new CustomerWants([Line("1", "A", 10), Line("2", "B", 30)]);

        Assert.Equal(["A"], wants.At(Start));
        Assert.Equal(["A", "B"], wants.At(Start.AddDays(5)).Order(StringComparer.Ordinal));
        Assert.Equal(["B"], wants.At(Start.AddDays(11)));
        Assert.Empty(wants.At(Start.AddDays(31)));
    }

    [Fact]
    public void A_product_an_email_sold_is_no_longer_wanted_and_leaves_the_customers_own_order()
    {
        var wants = new CustomerWants([Line("1", "A", 10), Line("1", "C", 10), Line("2", "A", 20)]);

        var sold = wants.Sell("A", Start);

        Assert.Equal(Line("1", "A", 10), sold);
        Assert.Equal(["C"], wants.OwnOrders(Start, Start.AddDays(15)).Select(line => line.StockCode));
        // The later order's A is a want of its own (a re-order), still there.
        Assert.Equal(["A", "C"], wants.At(Start).Order(StringComparer.Ordinal));
        Assert.NotNull(wants.Sell("A", Start));
        Assert.Equal(["C"], wants.At(Start));
    }

    [Fact]
    public void Selling_a_product_not_wanted_now_changes_nothing()
    {
        var wants = new CustomerWants([Line("1", "A", 40)]);

        Assert.Null(wants.Sell("A", Start));
        Assert.Null(wants.Sell("Z", Start.AddDays(20)));
        Assert.Single(wants.OwnOrders(Start, Start.AddDays(41)));
    }

    [Fact]
    public void Each_arm_has_its_own_wants_so_one_arms_sale_does_not_change_anothers()
    {
        RetailLine[] later = [Line("1", "A", 10)];
        var tailor = new CustomerWants(later);
        var control = new CustomerWants(later);

        tailor.Sell("A", Start);

        Assert.Empty(tailor.At(Start));
        Assert.Equal(["A"], control.At(Start));
    }
}
