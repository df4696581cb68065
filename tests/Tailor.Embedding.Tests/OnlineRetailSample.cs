using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Tailor.Embedding.Tests;

/// <summary>One purchase line of the Online Retail data set.</summary>
public sealed record RetailLine(string StockCode, string Description, double Quantity, DateTimeOffset InvoiceDate, string? CustomerId);

/// <summary>The first 300 lines of the Online Retail file (2010-12-01), read the way the real file is: gzip, CSV.</summary>
public static class OnlineRetailSample
{
    private static readonly Lazy<IReadOnlyList<RetailLine>> Cached = new(Read);

    public static IReadOnlyList<RetailLine> Lines => Cached.Value;

    private static List<RetailLine> Read()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "online-retail-2010-12-01-first-300.csv.gz");
        using var file = File.OpenRead(path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        reader.ReadLine(); // header
        var lines = new List<RetailLine>();
        while (reader.ReadLine() is { } line)
        {
            var fields = SplitCsv(line);
            lines.Add(new RetailLine(
                fields[1],
                fields[2].Trim(),
                double.Parse(fields[3], CultureInfo.InvariantCulture),
                new DateTimeOffset(DateTime.ParseExact(fields[4], "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), TimeSpan.Zero),
                string.IsNullOrEmpty(fields[6]) ? null : fields[6].Replace(".0", string.Empty, StringComparison.Ordinal)));
        }

        return lines;
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
