using System.Text;
using MimeKit;

namespace Tailor.SampleSender.Delivery;

/// <summary>
/// A header written exactly as given, with no RFC 2047 encoded-words, folded only at the spaces between the pieces
/// given and only where a line would pass the 998 octets RFC 5322 allows.
/// </summary>
/// <remarks>
/// MimeKit folds an unstructured value at 78 columns and writes a word longer than that as encoded-words
/// (<c>=?utf-8?q?…?=</c>). Providers read <c>X-SMTPAPI</c>, <c>X-Mailgun-Variables</c> and the like as JSON, and Gmail
/// and Yahoo read the URL in <c>List-Unsubscribe</c> as it is, so an encoded-word breaks them.
/// <see cref="Header.SetRawValue"/> is MimeKit's way to bypass its encoding and folding for one header.
/// </remarks>
internal static class RawHeader
{
    /// <summary>RFC 5322 § 2.1.1: a line MUST be no more than 998 octets, not counting its CRLF.</summary>
    public const int MaxLineLength = 998;

    /// <summary>
    /// The header <c>name: piece piece …</c>, a line break put before the space between two pieces where the line would
    /// grow too long; null when a piece holds anything but printable US-ASCII (and tabs) or cannot fit on one line.
    /// </summary>
    public static Header? TryCreate(string name, IReadOnlyList<string> pieces)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(pieces);
        // Line ends as MimeKit writes its own raw values; writing the message (SMTP: CRLF) converts them all alike.
        var newLine = FormatOptions.Default.NewLineFormat == NewLineFormat.Dos ? "\r\n" : "\n";
        var text = new StringBuilder();
        var line = name.Length + 1;
        foreach (var piece in pieces.Where(piece => piece.Length > 0))
        {
            if (!IsPrintableAscii(piece))
            {
                return null;
            }

            if (text.Length > 0 && line + 1 + piece.Length > MaxLineLength)
            {
                text.Append(newLine);
                line = 0;
            }

            text.Append(' ').Append(piece);
            line += 1 + piece.Length;
            if (line > MaxLineLength)
            {
                return null;
            }
        }

        var header = new Header(name, string.Empty);
        header.SetRawValue(Encoding.ASCII.GetBytes(text.Append(newLine).ToString()));
        return header;
    }

    /// <summary>Whether the text holds only printable US-ASCII, spaces and tabs: what a header may carry as it is.</summary>
    public static bool IsPrintableAscii(string text) => text.All(c => c is '\t' or (>= ' ' and <= '~'));

    /// <summary>
    /// The value cut at each single space that <paramref name="isFoldPoint"/> accepts (given the value and the space's
    /// index): joined again with one space between pieces, they are the value.
    /// </summary>
    public static IReadOnlyList<string> SplitAt(string value, Func<string, int, bool> isFoldPoint)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(isFoldPoint);
        var pieces = new List<string>();
        var start = 0;
        for (var i = 1; i < value.Length - 1; i++)
        {
            if (value[i] == ' ' && !char.IsWhiteSpace(value[i - 1]) && !char.IsWhiteSpace(value[i + 1]) && isFoldPoint(value, i))
            {
                pieces.Add(value[start..i]);
                start = i + 1;
            }
        }

        pieces.Add(value[start..]);
        return pieces;
    }
}
