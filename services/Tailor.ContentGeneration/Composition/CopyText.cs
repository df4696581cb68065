using System.Text;

namespace Tailor.ContentGeneration.Composition;

/// <summary>Makes profile and catalog values safe and short enough for one line of copy.</summary>
public static class CopyText
{
    private const char Ellipsis = '…';

    /// <summary>
    /// Characters that change how the text around them reads without being seen: the bidirectional embeddings,
    /// overrides and isolates (U+202A–U+202E, U+2066–U+2069), which turn "gnp.exe" into "exe.png" and reverse whatever
    /// follows them on the line, a price or the rest of a subject included; and the zero-width space, word joiner and
    /// byte order mark, which split a phrase ("free delivery") so that no check finds it. The marks a right-to-left
    /// name needs (U+200E, U+200F, U+061C) and the joiners of emoji and scripts (U+200C, U+200D) are not among them.
    /// </summary>
    public static bool IsHidden(char c) => c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') or '\u200B' or '\u2060' or '\uFEFF';

    /// <summary>
    /// One line of text: control characters (line breaks included, which would end a mail header) and runs of
    /// white space become one space, and <see cref="IsHidden"/> characters are dropped. Null when nothing is left.
    /// </summary>
    public static string? SingleLine(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var line = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (IsHidden(c))
            {
                continue;
            }

            var blank = char.IsWhiteSpace(c) || char.IsControl(c);
            if (!blank)
            {
                line.Append(c);
            }
            else if (line.Length > 0 && line[^1] != ' ')
            {
                line.Append(' ');
            }
        }

        var result = line.ToString().TrimEnd();
        return result.Length == 0 ? null : result;
    }

    /// <summary>The text itself when it fits, else cut at the last word boundary that leaves room for an ellipsis.</summary>
    public static string Fit(string text, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 1);
        if (text.Length <= maxLength)
        {
            return text;
        }

        var cut = text.LastIndexOf(' ', maxLength - 1);
        if (cut <= 0)
        {
            // No word boundary: cut inside the word, but never between the two halves of a surrogate pair.
            cut = maxLength - 1;
            if (cut > 0 && char.IsLowSurrogate(text[cut]))
            {
                cut--;
            }
        }

        var kept = text[..cut];
        return kept.TrimEnd(' ', ',', ';', ':', '-') + Ellipsis;
    }
}
