using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Tailor.Host.Demo;

/// <summary>Reads the Online Retail CSV (plain or gzip), quoted fields included.</summary>
public static class OnlineRetailReader
{
    private const string ExpectedHeader = "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country";

    public static IEnumerable<RetailLine> Read(FileInfo file)
    {
        using var stream = file.OpenRead();
        using var decompressed = file.Extension.Equals(".gz", StringComparison.OrdinalIgnoreCase)
            ? new GZipStream(stream, CompressionMode.Decompress)
            : (Stream)stream;
        using var reader = new StreamReader(decompressed, Encoding.UTF8);

        var header = reader.ReadLine();
        if (!string.Equals(header?.Trim(), ExpectedHeader, StringComparison.Ordinal))
        {
            throw new InvalidDataException($"{file.Name}: expected the Online Retail header '{ExpectedHeader}', found '{header}'.");
        }

        var lineNumber = 1;
        while (reader.ReadLine() is { } text)
        {
            lineNumber++;
            if (text.Length > 0)
            {
                yield return Parse(SplitCsv(text), file.Name, lineNumber);
            }
        }
    }

    private static RetailLine Parse(IReadOnlyList<string> fields, string fileName, int lineNumber)
    {
        if (fields.Count != 8)
        {
            throw new InvalidDataException($"{fileName}:{lineNumber}: expected 8 fields, found {fields.Count}.");
        }

        try
        {
            // CustomerID is written as a float ("17850.0"); the user id is its integer part.
            var customer = fields[6].Length == 0 ? null : fields[6].Split('.')[0];
            return new RetailLine(
                fields[0],
                fields[1],
                fields[2].Trim(),
                int.Parse(fields[3], CultureInfo.InvariantCulture),
                DateTime.ParseExact(fields[4], "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                decimal.Parse(fields[5], NumberStyles.Float, CultureInfo.InvariantCulture),
                customer,
                fields[7]);
        }
        catch (FormatException invalid)
        {
            throw new InvalidDataException($"{fileName}:{lineNumber}: {invalid.Message}", invalid);
        }
    }

    /// <summary>RFC 4180 fields of one line: commas inside double quotes, and doubled quotes as a literal quote.</summary>
    internal static List<string> SplitCsv(string line)
    {
        var fields = new List<string>(8);
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
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
