using System.Text;

namespace Tailor.ContentGeneration.Composition;

/// <summary>Makes profile and catalog values safe and short enough for one line of copy.</summary>
public static class CopyText
{
    private const char Ellipsis = '…';

    /// <summary>
    /// One line of text: control characters (line breaks included, which would end a mail header) and runs of
    /// white space become one space. Null when nothing is left.
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
