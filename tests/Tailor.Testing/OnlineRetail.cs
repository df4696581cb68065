using System.Globalization;
using System.IO.Compression;
using System.Text;
using Microsoft.VisualBasic.FileIO;
using Tailor.Contracts;

namespace Tailor.Testing;

/// <summary>One line of the Online Retail data set, as the file has it (the customer id without its ".0").</summary>
public sealed record RetailRow(
    string InvoiceNo, string StockCode, string Description, int Quantity, DateTime InvoiceDate, decimal UnitPrice, string? CustomerId, string Country)
{
    /// <summary>A cancelled invoice ("C536379"): a negative quantity of something bought before.</summary>
    public bool IsCancellation => InvoiceNo.StartsWith('C');

    /// <summary>Something a known customer bought: no cancellation, no guest checkout, a positive quantity.</summary>
    public bool IsPurchase => !IsCancellation && CustomerId is not null && Quantity > 0;
}

/// <summary>
/// The one reader of the real Online Retail data the tests use: the December 2010 sample bundled with the demo, or the
/// whole file beside the repository, which begins with the same lines.
/// </summary>
public static class OnlineRetail
{
    private const string FullDatasetName = "transactions-2010-12-01-to-2011-09-30.csv.gz";

    /// <summary>The lines of <see cref="Sample"/>, which are also the first lines of <see cref="FullDataset"/>.</summary>
    private const int SampleLines = 42_481;

    /// <summary>December 2010 (42,481 lines), bundled with the demo in <c>services/Host/SampleData</c>.</summary>
    public static string Sample => RepositoryFiles.Above("services", "Host", "SampleData", "online-retail-2010-12.csv.gz");

    /// <summary>
    /// December 2010 to September 2011, beside the repository (<c>../shared/datasets/online-retail</c>). It is not in the
    /// repository, so a test that needs it is skipped, saying where to put it, in a clone that has nothing beside it.
    /// </summary>
    public static string FullDataset
    {
        get
        {
            try
            {
                return RepositoryFiles.Above("shared", "datasets", "online-retail", FullDatasetName);
            }
            catch (FileNotFoundException)
            {
                Xunit.Assert.Skip(
                    $"The full Online Retail file is not beside the repository: put {FullDatasetName} in ../shared/datasets/online-retail " +
                    "(the README's Data section says what it is).");
                throw; // unreachable: Assert.Skip throws
            }
        }
    }

    /// <summary>The lines of the file in order, read as they are needed; <see cref="Sample"/> by default.</summary>
    public static IEnumerable<RetailRow> Rows(string? path = null)
    {
        // The BCL's CSV reader: descriptions may hold commas (quoted) and quotes (doubled); spaces are kept as written.
        using var parser = new TextFieldParser(new GZipStream(File.OpenRead(path ?? Sample), CompressionMode.Decompress), Encoding.UTF8)
        {
            TextFieldType = FieldType.Delimited,
            Delimiters = [","],
            HasFieldsEnclosedInQuotes = true,
            TrimWhiteSpace = false,
        };
        parser.ReadFields(); // header
        while (parser.ReadFields() is { } fields)
        {
            yield return new RetailRow(
                fields[0],
                fields[1],
                fields[2],
                int.Parse(fields[3], CultureInfo.InvariantCulture),
                DateTime.ParseExact(fields[4], "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                decimal.Parse(fields[5], NumberStyles.Float, CultureInfo.InvariantCulture),
                fields[6].Length == 0 ? null : fields[6].Split('.')[0],
                fields[7]);
        }
    }

    /// <summary>
    /// The purchases among the first <paramref name="lines"/> lines of the whole file, as the events Ingestion would publish:
    /// read from the bundled sample when it holds that many lines, so only tests that need more need the whole file.
    /// </summary>
    public static List<UserActivityTracked> Purchases(int lines) =>
        [.. Rows(lines <= SampleLines ? Sample : FullDataset).Take(lines).Where(row => row.IsPurchase).Select(row => new UserActivityTracked(
            Guid.NewGuid(),
            row.CustomerId!,
            new DateTimeOffset(row.InvoiceDate, TimeSpan.Zero),
            ActivityKinds.Purchase,
            row.StockCode,
            row.Description.Trim(),
            row.Quantity,
            row.UnitPrice,
            null,
            new Dictionary<string, string>()))];
}
