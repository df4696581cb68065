using System.Globalization;
using System.IO.Compression;
using System.Text;
using Tailor.Contracts;

namespace Tailor.Profiles.Tests;

/// <summary>Customers of the bundled Online Retail sample with the products they bought, as profile fixtures.</summary>
internal static class RetailCustomers
{
    private static readonly string SamplePath = Path.Combine(AppContext.BaseDirectory, "Data", "online-retail-2010-12.csv.gz");

    /// <summary>The first customers in file order, each with what they bought (best first = first bought).</summary>
    public static IReadOnlyList<(string UserId, string Country, IReadOnlyList<RecommendedItem> Items)> First(int count)
    {
        using var file = File.OpenRead(SamplePath);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        reader.ReadLine(); // header

        var customers = new Dictionary<string, (string Country, List<RecommendedItem> Items)>();
        var order = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            var fields = SplitCsv(line);
            if (fields[6].Length == 0 || fields[0].StartsWith('C'))
            {
                continue; // guest checkouts and cancellations
            }

            var userId = ((int)double.Parse(fields[6], CultureInfo.InvariantCulture)).ToString(CultureInfo.InvariantCulture);
            if (!customers.TryGetValue(userId, out var customer))
            {
                if (order.Count == count)
                {
                    continue;
                }

                customer = (fields[7], []);
                customers[userId] = customer;
                order.Add(userId);
            }

            var price = decimal.Parse(fields[5], CultureInfo.InvariantCulture);
            customer.Items.Add(new RecommendedItem(fields[1], fields[2], price, 1.0 / (customer.Items.Count + 1), "bought before"));
        }

        return order.Select(userId => (userId, customers[userId].Country, (IReadOnlyList<RecommendedItem>)customers[userId].Items)).ToList();
    }

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
