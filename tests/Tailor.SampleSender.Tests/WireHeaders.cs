using System.Text;
using MimeKit;

namespace Tailor.SampleSender.Tests;

/// <summary>
/// The header block of a message as bytes on the wire: its physical lines, and each field unfolded as RFC 5322 § 2.2.3
/// says (a CRLF followed by whitespace becomes that whitespace), with nothing decoded, so an RFC 2047 encoded-word
/// stays visible as one.
/// </summary>
internal sealed class WireHeaders
{
    private readonly List<(string Name, string Value)> _fields;

    private WireHeaders(string block, List<(string Name, string Value)> fields)
    {
        Block = block;
        _fields = fields;
    }

    /// <summary>The header block, without the blank line that ends it.</summary>
    public string Block { get; }

    /// <summary>Each physical line of the header block, without its CRLF.</summary>
    public IReadOnlyList<string> Lines => Block.Split("\r\n");

    /// <summary>The message as MailKit writes it over SMTP: CRLF line ends.</summary>
    public static async Task<byte[]> WrittenAsync(MimeMessage message)
    {
        using var stream = new MemoryStream();
        await message.WriteToAsync(new FormatOptions { NewLineFormat = NewLineFormat.Dos }, stream, TestContext.Current.CancellationToken);
        return stream.ToArray();
    }

    public static WireHeaders Of(byte[] message)
    {
        var end = message.AsSpan().IndexOf("\r\n\r\n"u8);
        Assert.True(end > 0, "The message has no CRLF CRLF after its headers.");
        Assert.All(message[..end], octet => Assert.True(octet is >= 0x20 and < 0x7F or (byte)'\r' or (byte)'\n' or (byte)'\t', $"Header octet 0x{octet:x2} is not ASCII."));
        var block = Encoding.ASCII.GetString(message, 0, end);

        Assert.DoesNotContain(block.Split("\r\n"), line => line.Contains('\r', StringComparison.Ordinal) || line.Contains('\n', StringComparison.Ordinal));

        var fields = new List<(string Name, string Value)>();
        foreach (var field in block.Replace("\r\n ", " ", StringComparison.Ordinal).Replace("\r\n\t", "\t", StringComparison.Ordinal).Split("\r\n"))
        {
            var colon = field.IndexOf(':', StringComparison.Ordinal);
            Assert.True(colon > 0, $"Header line without a name: '{field}'.");
            fields.Add((field[..colon], field[(colon + 1)..].Trim(' ', '\t')));
        }

        return new WireHeaders(block, fields);
    }

    /// <summary>The unfolded value of the one field with this name (names compare case-insensitively).</summary>
    public string Single(string name) =>
        Assert.Single(_fields, field => string.Equals(field.Name, name, StringComparison.OrdinalIgnoreCase)).Value;

    /// <summary>RFC 5322 § 2.1.1: no line over 998 octets; and no encoded-word anywhere in these fields.</summary>
    public void AssertWritableAsIs(params string[] names)
    {
        Assert.All(Lines, line => Assert.True(line.Length <= 998, $"A header line is {line.Length} octets long: '{line[..Math.Min(line.Length, 60)]}…'."));
        Assert.All(names, name => Assert.DoesNotContain("=?", Single(name), StringComparison.Ordinal));
    }
}
