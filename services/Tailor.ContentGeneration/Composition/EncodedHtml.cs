using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Tailor.ContentGeneration.Composition;

/// <summary>How every value reaches an email's HTML: encoded, never raw.</summary>
internal static class EncodedHtml
{
    /// <summary>Encodes what HTML needs encoded and leaves letters of every script (and "£") readable in the source.</summary>
    public static HtmlEncoder Encoder { get; } = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>Appends the value HTML-encoded, through a stack buffer rather than an encoded copy of the string.</summary>
    public static StringBuilder AppendEncoded(this StringBuilder html, string value)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(value);
        var source = value.AsSpan();
        Span<char> buffer = stackalloc char[512];
        while (true)
        {
            var status = Encoder.Encode(source, buffer, out var consumed, out var written, isFinalBlock: true);
            html.Append(buffer[..written]);
            source = source[consumed..];
            if (status == OperationStatus.Done)
            {
                return html;
            }
        }
    }
}
