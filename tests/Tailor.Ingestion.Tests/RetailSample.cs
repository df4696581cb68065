using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Tailor.Ingestion.Tests;

/// <summary>One line of the bundled Online Retail sample (December 2010).</summary>
internal sealed record RetailLine(
    string InvoiceNo, string StockCode, string Description, int Quantity, DateTime InvoiceDate, decimal UnitPrice, string? CustomerId, string Country);

/// <summary>The first lines of the bundled Online Retail sample, and the Segment calls a platform would send for them.</summary>
internal static class RetailSample
{
    private static readonly string SamplePath = Path.Combine(AppContext.BaseDirectory, "Data", "online-retail-2010-12.csv.gz");

    /// <summary>Purchase lines of known customers (no cancellations, no guest checkouts), in file order.</summary>
    public static IReadOnlyList<RetailLine> Purchases(int maxLines)
    {
        using var file = File.OpenRead(SamplePath);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        reader.ReadLine(); // header

        var lines = new List<RetailLine>();
        for (var read = 0; read < maxLines && reader.ReadLine() is { } text; read++)
        {
            var fields = SplitCsv(text);
            var customer = fields[6].Length == 0
                ? null
                : ((int)double.Parse(fields[6], CultureInfo.InvariantCulture)).ToString(CultureInfo.InvariantCulture);
            var line = new RetailLine(
                fields[0],
                fields[1],
                fields[2],
                int.Parse(fields[3], CultureInfo.InvariantCulture),
                DateTime.ParseExact(fields[4], "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                decimal.Parse(fields[5], CultureInfo.InvariantCulture),
                customer,
                fields[7]);
            if (customer is not null && !line.InvoiceNo.StartsWith('C') && line.Quantity > 0 && line.Description.Length > 0)
            {
                lines.Add(line);
            }
        }

        return lines;
    }

    /// <summary>One Segment <c>Order Completed</c> per invoice, as the demo sends them (timestamps taken as UTC).</summary>
    public static IReadOnlyList<object> OrderCompletedCalls(IEnumerable<RetailLine> lines) =>
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
    public static IReadOnlyList<object> IdentifyCalls(IEnumerable<RetailLine> lines) =>
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

    private static List<string> SplitCsv(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        foreach (var character in line)
        {
            if (character == '"')
            {
                quoted = !quoted;
            }
            else if (character == ',' && !quoted)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(character);
            }
        }

        fields.Add(field.ToString());
        return fields;
    }
}
