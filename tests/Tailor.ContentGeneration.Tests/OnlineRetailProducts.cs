using System.Globalization;
using System.IO.Compression;
using System.Text;
using Tailor.Contracts;

namespace Tailor.ContentGeneration.Tests;

/// <summary>Real products (stock code, description, unit price) from the first lines of the Online Retail file.</summary>
internal static class OnlineRetailProducts
{
    private const string FileName = "transactions-2010-12-01-to-2011-09-30.csv.gz";

    private static readonly Lazy<IReadOnlyList<RecommendedItem>> FirstProducts = new(() => Read(40));

    /// <summary>The first <paramref name="count"/> distinct products, as a recommender would list them, best first.</summary>
    public static IReadOnlyList<RecommendedItem> First(int count) => [.. FirstProducts.Value.Take(count)];

    private static List<RecommendedItem> Read(int count)
    {
        var products = new List<RecommendedItem>(count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        using var reader = new StreamReader(new GZipStream(File.OpenRead(Locate()), CompressionMode.Decompress), Encoding.UTF8);
        reader.ReadLine();
        while (products.Count < count && reader.ReadLine() is { } line)
        {
            var fields = line.Split(',');

            // Descriptions with commas are quoted; these tests only need plain ones.
            if (fields.Length != 8 || fields[0].StartsWith('C') || !seen.Add(fields[1]))
            {
                continue;
            }

            var price = decimal.Parse(fields[5], NumberStyles.Float, CultureInfo.InvariantCulture);
            products.Add(new RecommendedItem(fields[1], fields[2].Trim(), price, 1.0 / (products.Count + 1), "popular right now"));
        }

        return products;
    }

    /// <summary>The data sets live beside the repository (<c>../shared/datasets</c>), so look upwards from the test binaries.</summary>
    private static string Locate()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "shared", "datasets", "online-retail", FileName);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"{FileName} was not found in shared/datasets/online-retail above {AppContext.BaseDirectory}.");
    }
}
