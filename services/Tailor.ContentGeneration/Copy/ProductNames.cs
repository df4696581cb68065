using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Tailor.ContentGeneration.Copy;

/// <summary>
/// Catalog names as a copywriter writes them: "PACK OF 72 RETROSPOT CAKE CASES" becomes "Pack of 72 Retrospot cake
/// cases", "T-LIGHT" becomes "T-light"; measurements stay as they are measured ("12cm", "2m"), set sizes and
/// abbreviations stay in capitals ("S/3", "LED"), and names of places, seasons and the shop's own ranges keep their
/// capital. A name that already has lower-case letters was written by a person and is left alone.
/// </summary>
public static partial class ProductNames
{
    // Proper names and the catalog's own ranges (Online Retail's "Retrospot", "Regency"...): always capitalised.
    private static readonly Dictionary<string, string> Proper = new[]
    {
        "Christmas", "Xmas", "Easter", "Valentine", "Valentine's", "Halloween", "Santa", "Rudolph", "Noel",
        "Retrospot", "Regency", "Victorian", "Edwardian", "Georgian", "Babushka", "Spaceboy", "Bakelike",
        "Paris", "Parisienne", "London", "English", "French", "Swiss", "Scandinavian", "Nordic", "Moroccan", "Indian",
        "Japanese", "Chinese", "Danish", "Dutch", "Union", "Jack", "Mr", "Mrs", "Alice", "Wonderland", "Monsieur", "Madame", "I",
    }.ToDictionary(word => word.ToLowerInvariant(), word => word, StringComparer.Ordinal);

    // Abbreviations written in capitals.
    private static readonly HashSet<string> Abbreviations = new(StringComparer.Ordinal)
    {
        "LED", "UK", "USA", "DIY", "XL", "XXL", "XS", "CD", "DVD", "ABC", "TV", "OK", "PVC",
    };

    // Lower-case units after a number ("12cm", "2.5m", "100g", "3x").
    [GeneratedRegex(@"^\d+(?:[.,]\d+)?(?:cm|mm|m|ml|cl|l|g|kg|oz|in|x|pc|pcs|'s|s)?$")]
    private static partial Regex Measurement();

    // Sizes and codes that stay in capitals: "S/3", "3D", "A4", "T5", "2XL".
    [GeneratedRegex(@"^(?:[A-Z]/\d+|\d+[A-Z]{1,2}|[A-Z]\d+)$")]
    private static partial Regex Code();

    [GeneratedRegex(@"[A-Za-z0-9'/.\-]+")]
    private static partial Regex Word();

    [GeneratedRegex(@",(?=[^\s\d])|(?<=\D),(?=\d)")]
    private static partial Regex CommaWithoutSpace();

    /// <summary>The name in sentence case, as it starts a line or a sentence ("Pack of 72 Retrospot cake cases").</summary>
    public static string Natural(string name) => Cased(name, sentenceStart: true);

    /// <summary>The name as it reads inside a sentence: its first word lower-case unless it is a proper name ("your pack of 72 Retrospot cake cases").</summary>
    public static string InSentence(string name) => Cased(name, sentenceStart: false);

    /// <summary>Whether a word of copy may stand in capitals: an abbreviation, a size code or a measurement.</summary>
    public static bool MayBeCapitals(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        return Abbreviations.Contains(word) || Code().IsMatch(word) || word.Length == 1 || word.All(c => !char.IsLetter(c));
    }

    // Every email of a campaign names a few of the same catalog items in several places, and casing a name is a regular
    // expression over its words: each name is cased once per process and kept (it depends on nothing else). A catalog
    // far larger than the cap is cased afresh past it, which is correct, only slower.
    private const int CachedNames = 100_000;
    private static readonly ConcurrentDictionary<(string Name, bool SentenceStart), string> Cache = new();

    private static string Cased(string name, bool sentenceStart)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (Cache.TryGetValue((name, sentenceStart), out var cached))
        {
            return cached;
        }

        var cased = CaseName(name, sentenceStart);
        if (Cache.Count < CachedNames)
        {
            Cache.TryAdd((name, sentenceStart), cased);
        }

        return cased;
    }

    private static string CaseName(string name, bool sentenceStart)
    {
        // A catalog line's stray full stop ("RED WOOLLY HOTTIE WHITE HEART.") would end the copy's sentence mid-way.
        var trimmed = name.Trim().TrimEnd('.', ',', ';', ':').TrimEnd() is { Length: > 0 } bare ? bare : name.Trim();
        // Catalog lines typed in a hurry ("AIRLINE LOUNGE,METAL SIGN") read as two phrases once the comma has its space;
        // a comma between digits ("1,000") is a number's and stays.
        trimmed = CommaWithoutSpace().Replace(trimmed, ", ");
        // Written by a person when a good share of its letters are lower-case; "BAG 500g SWIRLY MARBLES" was not.
        var letters = trimmed.Count(char.IsLetter);
        if (letters > 0 && trimmed.Count(char.IsLower) * 10 >= letters * 3)
        {
            return sentenceStart ? Capitalise(trimmed) : trimmed;
        }

        var first = true;
        var cased = Word().Replace(trimmed, match =>
        {
            var word = CaseWord(match.Value);
            if (first && sentenceStart)
            {
                word = Capitalise(word);
            }

            first = false;
            return word;
        });
        return cased;
    }

    private static string CaseWord(string word)
    {
        var lower = word.ToLowerInvariant();
        if (Measurement().IsMatch(lower))
        {
            return lower;
        }

        if (Abbreviations.Contains(word) || Code().IsMatch(word))
        {
            return word;
        }

        if (Proper.TryGetValue(lower, out var proper))
        {
            return proper;
        }

        // "T-LIGHT" is "T-light", "RE-USABLE" is "re-usable": a single letter before a hyphen is a capital letter's name.
        if (lower.Length > 2 && lower[1] == '-' && char.IsLetter(lower[0]))
        {
            return char.ToUpperInvariant(lower[0]) + lower[1..];
        }

        // "RETROSPOT/POLKADOT": each part on its own.
        return lower.Contains('-', StringComparison.Ordinal) || lower.Contains('/', StringComparison.Ordinal)
            ? JoinParts(lower)
            : lower;
    }

    private static string JoinParts(string lower)
    {
        var result = new StringBuilder(lower.Length);
        var part = new StringBuilder();
        foreach (var c in lower)
        {
            if (c is '-' or '/')
            {
                result.Append(Proper.GetValueOrDefault(part.ToString(), part.ToString())).Append(c);
                part.Clear();
            }
            else
            {
                part.Append(c);
            }
        }

        return result.Append(Proper.GetValueOrDefault(part.ToString(), part.ToString())).ToString();
    }

    private static string Capitalise(string text) =>
        text.Length == 0 || !char.IsLower(text[0]) ? text : char.ToUpper(text[0], CultureInfo.InvariantCulture) + text[1..];
}
