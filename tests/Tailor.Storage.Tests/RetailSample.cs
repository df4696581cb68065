using System.Globalization;
using System.IO.Compression;
using System.Text;
using Tailor.Contracts;

namespace Tailor.Storage.Tests;

/// <summary>The first lines of the bundled Online Retail sample, as the purchases Ingestion would record.</summary>
internal static class RetailSample
{
    private static readonly string SamplePath = Path.Combine(AppContext.BaseDirectory, "Data", "online-retail-2010-12.csv.gz");
    private static readonly TimeZoneInfo UkTime = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    /// <summary>Purchase lines with a customer, in file order; each gets a fresh event id.</summary>
    public static IReadOnlyList<UserActivityTracked> Purchases(int count)
    {
        using var file = File.OpenRead(SamplePath);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        reader.ReadLine(); // header

        var purchases = new List<UserActivityTracked>(count);
        while (purchases.Count < count && reader.ReadLine() is { } line)
        {
            var fields = SplitCsv(line);
            if (fields[6].Length == 0 || fields[0].StartsWith('C'))
            {
                continue; // guest checkouts and cancellations are not purchases of a known user
            }

            var localTime = DateTime.ParseExact(fields[4], "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
            purchases.Add(new UserActivityTracked(
                Guid.NewGuid(),
                ((int)double.Parse(fields[6], CultureInfo.InvariantCulture)).ToString(CultureInfo.InvariantCulture),
                new DateTimeOffset(localTime, UkTime.GetUtcOffset(localTime)),
                ActivityKinds.Purchase,
                fields[1],
                fields[2],
                double.Parse(fields[3], CultureInfo.InvariantCulture),
                decimal.Parse(fields[5], CultureInfo.InvariantCulture),
                Text: null,
                new Dictionary<string, string> { ["invoice"] = fields[0], ["country"] = fields[7] }));
        }

        return purchases;
    }

    /// <summary>Splits one CSV line; descriptions with a comma come quoted.</summary>
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
