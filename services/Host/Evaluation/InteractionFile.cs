using System.Globalization;
using System.IO.Compression;
using System.Text;
using Tailor.Host.Demo;
using Tailor.Recommendation.Catalog;
using Tailor.Recommendation.Scoring;

namespace Tailor.Host.Evaluation;

/// <summary>Interactions from an Online Retail CSV or a generic <c>user,item,timestamp[,weight]</c> CSV (plain or gzip).</summary>
/// <param name="Titles">Item names, when the file has them (Online Retail's descriptions), for content similarity.</param>
/// <param name="Countries">Each user's country, when the file has them (Online Retail's Country column).</param>
/// <param name="Prices">Item prices, when the file has them (Online Retail's first unit price of each item), for the emails' items.</param>
/// <param name="Clock">
/// The zone the file's times were written in. Online Retail's are the UK shop's wall clock; times are kept as written
/// (labelled UTC) and a reader that needs true instants converts them with this zone.
/// </param>
public sealed record InteractionFile(
    IReadOnlyList<Interaction> Interactions,
    IReadOnlyDictionary<string, string> Titles,
    IReadOnlyDictionary<string, string> Countries,
    TimeZoneInfo Clock,
    IReadOnlyDictionary<string, decimal>? Prices = null)
{
    /// <summary>Online Retail is a UK shop's export.</summary>
    public const string OnlineRetailClock = "Europe/London";

    private const string OnlineRetailHeaderStart = "InvoiceNo,StockCode";
    private const string GenericHeader = "user,item,timestamp";

    public static InteractionFile Read(FileInfo file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var header = FirstLine(file);
        if (header.StartsWith(OnlineRetailHeaderStart, StringComparison.Ordinal))
        {
            return ReadOnlineRetail(file);
        }

        if (header.StartsWith(GenericHeader, StringComparison.OrdinalIgnoreCase))
        {
            return ReadGeneric(file, header);
        }

        throw new InvalidDataException(
            $"{file.Name}: the first line must be the Online Retail header or '{GenericHeader}[,weight]', found '{header}'.");
    }

    /// <summary>
    /// Purchases only: cancellations and returns (no positive quantity), lines without a customer, and what is not a
    /// product (postage, fees, vouchers, zero prices) are left out, as the service leaves them out.
    /// </summary>
    private static InteractionFile ReadOnlineRetail(FileInfo file)
    {
        var interactions = new List<Interaction>();
        var titles = new Dictionary<string, string>(StringComparer.Ordinal);
        var countries = new Dictionary<string, string>(StringComparer.Ordinal);
        var prices = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var line in OnlineRetailReader.Read(file))
        {
            if (line.CustomerId is null || line.IsCancellation || line.Quantity <= 0 || !ProductRule.IsProduct(line.StockCode, line.UnitPrice))
            {
                continue;
            }

            interactions.Add(new Interaction(line.CustomerId, line.StockCode, new DateTimeOffset(line.InvoiceDate, TimeSpan.Zero), line.Quantity));
            titles.TryAdd(line.StockCode, line.Description);
            countries.TryAdd(line.CustomerId, line.Country);
            prices.TryAdd(line.StockCode, line.UnitPrice);
        }

        return new InteractionFile(interactions, titles, countries, TimeZoneInfo.FindSystemTimeZoneById(OnlineRetailClock), prices);
    }

    private static InteractionFile ReadGeneric(FileInfo file, string header)
    {
        var hasWeight = header.Split(',').Length >= 4;
        var interactions = new List<Interaction>();
        using var reader = Open(file);
        reader.ReadLine();
        var lineNumber = 1;
        while (reader.ReadLine() is { } text)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            var fields = OnlineRetailReader.SplitCsv(text);
            if (fields.Count < (hasWeight ? 4 : 3))
            {
                throw new InvalidDataException($"{file.Name}:{lineNumber}: expected {(hasWeight ? 4 : 3)} fields, found {fields.Count}.");
            }

            var weight = hasWeight ? Number(fields[3], file, lineNumber, "weight") : 1;
            if (weight <= 0 || string.IsNullOrWhiteSpace(fields[0]) || string.IsNullOrWhiteSpace(fields[1]))
            {
                continue;
            }

            interactions.Add(new Interaction(fields[0].Trim(), fields[1].Trim(), Time(fields[2], file, lineNumber), weight));
        }

        return new InteractionFile(interactions, new Dictionary<string, string>(), new Dictionary<string, string>(), TimeZoneInfo.Utc);
    }

    // ISO 8601, or Unix seconds.
    private static DateTimeOffset Time(string value, FileInfo file, int lineNumber) =>
        long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds) ? DateTimeOffset.FromUnixTimeSeconds(seconds)
        : DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time
        : throw new InvalidDataException($"{file.Name}:{lineNumber}: timestamp '{value}' is neither ISO 8601 nor Unix seconds.");

    private static double Number(string value, FileInfo file, int lineNumber, string name) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new InvalidDataException($"{file.Name}:{lineNumber}: {name} '{value}' is not a number.");

    private static string FirstLine(FileInfo file)
    {
        using var reader = Open(file);
        return reader.ReadLine()?.Trim() ?? throw new InvalidDataException($"{file.Name} is empty.");
    }

    private static StreamReader Open(FileInfo file)
    {
        var stream = file.OpenRead();
        var decompressed = file.Extension.Equals(".gz", StringComparison.OrdinalIgnoreCase)
            ? new GZipStream(stream, CompressionMode.Decompress)
            : (Stream)stream;
        return new StreamReader(decompressed, Encoding.UTF8);
    }
}
