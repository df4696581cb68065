using System.Globalization;

namespace Tailor.Host.Demo;

/// <summary>
/// The Online Retail lines turned into what a platform team would send Tailor: the catalog, one <c>identify</c> per
/// customer and one Segment <c>Order Completed</c> per invoice, in time order. Request bodies are plain objects
/// serialised as Segment's JSON, because the demo is an ordinary HTTP client of Ingestion.
/// </summary>
public sealed class ReplayPlan
{
    private static readonly TimeZoneInfo UkTime = FindUkTimeZone();

    public required IReadOnlyList<object> CatalogItems { get; init; }
    public required IReadOnlyList<object> Identifies { get; init; }
    public required IReadOnlyList<object> Orders { get; init; }
    public required int SkippedLines { get; init; }

    public int EventCount => Identifies.Count + Orders.Count;

    public static ReplayPlan From(IEnumerable<RetailLine> lines)
    {
        var catalog = new Dictionary<string, (string Title, decimal Price)>(StringComparer.Ordinal);
        var pricesPaid = new Dictionary<string, Dictionary<decimal, int>>(StringComparer.Ordinal);
        var customers = new Dictionary<string, string>(StringComparer.Ordinal);
        var invoices = new Dictionary<string, List<RetailLine>>(StringComparer.Ordinal);
        var skipped = 0;

        foreach (var line in lines)
        {
            if (line.Description.Length > 0 && line.UnitPrice > 0)
            {
                catalog[line.StockCode] = (line.Description, line.UnitPrice); // the latest name wins; its price only for an item no customer bought
            }

            // Cancellations, guest checkouts and adjustments are not purchases a user made.
            if (line.IsCancellation || line.CustomerId is null || line.Quantity <= 0 || line.UnitPrice < 0 || line.Description.Length == 0)
            {
                skipped++;
                continue;
            }

            if (line.UnitPrice > 0)
            {
                if (!pricesPaid.TryGetValue(line.StockCode, out var prices))
                {
                    pricesPaid[line.StockCode] = prices = [];
                }

                prices[line.UnitPrice] = prices.GetValueOrDefault(line.UnitPrice) + 1;
            }

            customers[line.CustomerId] = line.Country;
            if (!invoices.TryGetValue(line.InvoiceNo, out var invoiceLines))
            {
                invoices[line.InvoiceNo] = invoiceLines = [];
            }

            invoiceLines.Add(line);
        }

        return new ReplayPlan
        {
            CatalogItems = [.. catalog.OrderBy(item => item.Key, StringComparer.Ordinal).Select(item => (object)new
            {
                id = item.Key,
                title = item.Value.Title,
                price = CatalogPrice(pricesPaid.GetValueOrDefault(item.Key)) ?? item.Value.Price,
            })],
            Identifies = [.. customers.OrderBy(c => c.Key, StringComparer.Ordinal).Select(customer => (object)new
            {
                type = "identify",
                userId = customer.Key,
                messageId = $"identify-{customer.Key}",
                traits = new Dictionary<string, object>
                {
                    // The data set has no addresses or consent; the demo gives every customer a reserved
                    // example.com address and marks them as having agreed to marketing email.
                    ["email"] = $"customer-{customer.Key}@example.com",
                    ["country"] = customer.Value,
                    ["email_consent"] = true,
                },
            })],
            Orders = [.. invoices.Values.OrderBy(invoice => invoice[0].InvoiceDate).ThenBy(invoice => invoice[0].InvoiceNo, StringComparer.Ordinal)
                .Select(ToOrderCompleted)],
            SkippedLines = skipped,
        };
    }

    /// <summary>
    /// The price registered customers paid most often. The data set sells one item at several prices: its lines with no
    /// customer (guest checkouts) cost about twice what account holders pay, and the last line of an item is often one
    /// of those, so "the latest price" showed a customer who had paid £2.10 "Order again £4.21".
    /// </summary>
    private static decimal? CatalogPrice(Dictionary<decimal, int>? paid) =>
        paid is null ? null : paid.OrderByDescending(price => price.Value).ThenBy(price => price.Key).First().Key;

    private static object ToOrderCompleted(List<RetailLine> invoice)
    {
        var first = invoice[0];
        return new
        {
            type = "track",
            @event = "Order Completed",
            userId = first.CustomerId,
            messageId = $"invoice-{first.InvoiceNo}",
            timestamp = ToUtc(first.InvoiceDate).ToString("O", CultureInfo.InvariantCulture),
            properties = new
            {
                order_id = first.InvoiceNo,
                products = invoice.Select(line => new
                {
                    product_id = line.StockCode,
                    name = line.Description,
                    price = line.UnitPrice,
                    quantity = line.Quantity,
                }).ToList(),
            },
        };
    }

    private static DateTimeOffset ToUtc(DateTime ukLocal) =>
        new(TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(ukLocal, DateTimeKind.Unspecified), UkTime), TimeSpan.Zero);

    private static TimeZoneInfo FindUkTimeZone()
    {
        // Containers without tzdata have no Europe/London; UTC is then off by at most an hour in summer.
        return TimeZoneInfo.TryFindSystemTimeZoneById("Europe/London", out var uk) ? uk : TimeZoneInfo.Utc;
    }
}
