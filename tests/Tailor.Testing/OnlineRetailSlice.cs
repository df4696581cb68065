using System.Globalization;
using System.IO.Compression;
using System.Text;
using Tailor.Contracts;

namespace Tailor.Testing;

/// <summary>The first lines of the real Online Retail file, as the purchase events Ingestion would publish.</summary>
public static class OnlineRetailSlice
{
    private const string FileName = "transactions-2010-12-01-to-2011-09-30.csv.gz";

    public static List<UserActivityTracked> Purchases(int lines)
    {
        var purchases = new List<UserActivityTracked>();
        using var reader = new StreamReader(new GZipStream(File.OpenRead(FilePath), CompressionMode.Decompress), Encoding.UTF8);
        reader.ReadLine();
        for (var read = 0; read < lines && reader.ReadLine() is { } line; read++)
        {
            var fields = SplitCsv(line);
            var (invoice, stockCode, description, customer) = (fields[0], fields[1], fields[2].Trim(), fields[6]);
            var quantity = int.Parse(fields[3], CultureInfo.InvariantCulture);
            if (invoice.StartsWith('C') || customer.Length == 0 || quantity <= 0)
            {
                continue;
            }

            purchases.Add(new UserActivityTracked(
                Guid.NewGuid(),
                customer.Split('.')[0],
                new DateTimeOffset(DateTime.ParseExact(fields[4], "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), TimeSpan.Zero),
                ActivityKinds.Purchase,
                stockCode,
                description,
                quantity,
                decimal.Parse(fields[5], NumberStyles.Float, CultureInfo.InvariantCulture),
                null,
                new Dictionary<string, string>()));
        }

        return purchases;
    }

    /// <summary>The shared Online Retail file (<c>../shared/datasets/online-retail</c>).</summary>
    public static string FilePath => RepositoryFiles.Above("shared", "datasets", "online-retail", FileName);

    private static List<string> SplitCsv(string line)
    {
        var fields = new List<string>(8);
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c == '"' && quoted && i + 1 < line.Length && line[i + 1] == '"')
            {
                field.Append('"');
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return fields;
    }
}
