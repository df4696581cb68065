using System.IO.Compression;
using Tailor.Host.Demo;

namespace Tailor.Host.Tests;

public class OnlineRetailReaderTests
{
    private const string Header = "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country";

    [Fact]
    public void SplitCsv_keeps_commas_and_doubled_quotes_inside_quoted_fields()
    {
        var fields = OnlineRetailReader.SplitCsv("536365,85123A,\"HEART, \"\"BIG\"\" T-LIGHT\",6,2010-12-01 08:26:00,2.55,17850.0,United Kingdom");

        Assert.Equal(8, fields.Count);
        Assert.Equal("HEART, \"BIG\" T-LIGHT", fields[2]);
        Assert.Equal("United Kingdom", fields[7]);
    }

    [Fact]
    public void Read_gzip_file_parses_customer_as_integer_id_and_flags_cancellations()
    {
        var file = WriteGzip(
            Header,
            "536365,71053,WHITE METAL LANTERN,6,2010-12-01 08:26:00,3.39,17850.0,United Kingdom",
            "C536379,D,Discount,-1,2010-12-01 09:41:00,27.5,14527.0,United Kingdom",
            "536414,22139,,56,2010-12-01 11:52:00,0.0,,United Kingdom");

        var lines = OnlineRetailReader.Read(file).ToList();

        Assert.Equal(3, lines.Count);
        Assert.Equal("17850", lines[0].CustomerId);
        Assert.Equal(3.39m, lines[0].UnitPrice);
        Assert.True(lines[1].IsCancellation);
        Assert.Null(lines[2].CustomerId);
    }

    [Fact]
    public void Read_wrong_header_fails_with_the_file_name()
    {
        var file = WriteGzip("a,b,c", "1,2,3");

        var error = Assert.Throws<InvalidDataException>(() => OnlineRetailReader.Read(file).ToList());

        Assert.Contains(file.Name, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_bad_number_fails_naming_the_line()
    {
        var file = WriteGzip(Header, "536365,71053,LANTERN,six,2010-12-01 08:26:00,3.39,17850.0,United Kingdom");

        var error = Assert.Throws<InvalidDataException>(() => OnlineRetailReader.Read(file).ToList());

        Assert.Contains($"{file.Name}:2", error.Message, StringComparison.Ordinal);
    }

    private static FileInfo WriteGzip(params string[] lines)
    {
        var path = Path.Combine(Path.GetTempPath(), $"retail-{Guid.NewGuid():N}.csv.gz");
        using (var gzip = new GZipStream(File.Create(path), CompressionLevel.Fastest))
        using (var writer = new StreamWriter(gzip))
        {
            foreach (var line in lines)
            {
                writer.WriteLine(line);
            }
        }

        return new FileInfo(path);
    }
}
