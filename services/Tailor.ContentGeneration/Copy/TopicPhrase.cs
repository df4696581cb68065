namespace Tailor.ContentGeneration.Copy;

/// <summary>
/// A topic label ("set red retrospot &amp; cake cases", "heart, holder, light") as a short phrase copy can use ("red
/// Retrospot"): its first part, without the words that only say how products are packed.
/// </summary>
public static class TopicPhrase
{
    private static readonly HashSet<string> PackingWords = new(StringComparer.OrdinalIgnoreCase) { "set", "sets", "of", "pack", "design", "home", "small" };

    public static string? Short(string? label)
    {
        var line = Composition.CopyText.SingleLine(label);
        if (line is null)
        {
            return null;
        }

        foreach (var part in line.Split([',', '&'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var words = part.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(word => !PackingWords.Contains(word)).ToArray();
            if (words.Length > 0)
            {
                return ProductNames.InSentence(string.Join(' ', words).ToUpperInvariant());
            }
        }

        return null;
    }
}
