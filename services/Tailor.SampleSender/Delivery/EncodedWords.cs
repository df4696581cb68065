using System.Text;
using MimeKit;

namespace Tailor.SampleSender.Delivery;

/// <summary>
/// A header whose whole text is written as RFC 2047 encoded-words (UTF-8, base64), one word a line, so that no part of
/// it reaches a mail client as it was typed.
/// </summary>
/// <remarks>
/// MimeKit writes an ASCII word as it is, even one that reads as an encoded-word itself: a subject holding
/// <c>=?utf-8?b?QmNjOiBldmls?=</c> reaches the reader decoded, as "Bcc: evil", or as any character the text's own
/// checks kept out (a direction override, markup). Encoding every word is how the header says exactly its text.
/// </remarks>
internal static class EncodedWords
{
    // RFC 2047 § 2: a line holding an encoded-word is at most 76 characters. The first shares its line with
    // "Subject: " (9), and "=?utf-8?b?" and "?=" take 12, which leaves 55 for base64: 39 octets in 52 characters.
    private const int MaxOctetsPerWord = 39;

    /// <summary>Whether MimeKit would write the text with something a reader decodes as an encoded-word.</summary>
    public static bool AreNeededFor(string text) => text.Contains("=?", StringComparison.Ordinal);

    public static Header Header(string name, string text)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(text);
        var newLine = FormatOptions.Default.NewLineFormat == NewLineFormat.Dos ? "\r\n" : "\n";
        var words = new List<string>();
        var octets = new List<byte>(MaxOctetsPerWord);
        Span<byte> rune = stackalloc byte[4];
        // Whole characters per word: a decoder joins adjacent words' octets, but some show a split UTF-8 sequence as garbage.
        foreach (var character in text.EnumerateRunes())
        {
            var length = character.EncodeToUtf8(rune);
            if (octets.Count + length > MaxOctetsPerWord)
            {
                words.Add(Word(octets));
                octets.Clear();
            }

            octets.AddRange(rune[..length]);
        }

        if (octets.Count > 0)
        {
            words.Add(Word(octets));
        }

        // White space between two encoded-words is not part of the text (RFC 2047 § 6.2), so folding between them adds none.
        var header = new Header(name, string.Empty);
        header.SetRawValue(Encoding.ASCII.GetBytes(" " + string.Join(newLine + " ", words) + newLine));
        return header;
    }

    private static string Word(List<byte> octets) => $"=?utf-8?b?{Convert.ToBase64String([.. octets])}?=";
}
