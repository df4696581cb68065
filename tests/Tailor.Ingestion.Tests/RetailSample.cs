using Tailor.Testing;

namespace Tailor.Ingestion.Tests;

/// <summary>The first lines of the bundled Online Retail sample, and the Segment calls a platform would send for them.</summary>
internal static class RetailSample
{
    /// <summary>Purchase lines of known customers (no cancellations, no guest checkouts), in file order.</summary>
    public static IReadOnlyList<RetailRow> Purchases(int maxLines) =>
        [.. OnlineRetail.Rows().Take(maxLines).Where(line => line.IsPurchase && line.Description.Length > 0)];

    /// <summary>One Segment <c>Order Completed</c> per invoice, as the demo sends them (timestamps taken as UTC).</summary>
    public static IReadOnlyList<object> OrderCompletedCalls(IEnumerable<RetailRow> lines) =>
        [.. lines.GroupBy(line => line.InvoiceNo).Select(invoice => (object)new
        {
            type = "track",
            @event = "Order Completed",
            userId = invoice.First().CustomerId,
            messageId = $"invoice-{invoice.Key}",
            timestamp = new DateTimeOffset(invoice.First().InvoiceDate, TimeSpan.Zero),
            properties = new
            {
                order_id = invoice.Key,
                products = invoice.Select(line => new
                {
                    product_id = line.StockCode,
                    name = line.Description,
                    price = line.UnitPrice,
                    quantity = line.Quantity,
                }),
            },
        })];

    /// <summary>One Segment <c>identify</c> per customer, with an example.com address and consent.</summary>
    public static IReadOnlyList<object> IdentifyCalls(IEnumerable<RetailRow> lines) =>
        [.. lines.GroupBy(line => line.CustomerId!).Select(customer => (object)new
        {
            type = "identify",
            userId = customer.Key,
            messageId = $"identify-{customer.Key}",
            traits = new Dictionary<string, object>
            {
                ["email"] = $"customer-{customer.Key}@example.com",
                ["country"] = customer.First().Country,
                ["email_consent"] = true,
            },
        })];
}
