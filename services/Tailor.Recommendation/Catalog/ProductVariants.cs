using System.Text.RegularExpressions;
using Tailor.Training.Catalog;

namespace Tailor.Recommendation.Catalog;

/// <summary>
/// Which catalog titles are variants of one product: the same words once colours, sizes, pack counts and
/// measurements are set aside ("PACK OF 60 PINK PAISLEY CAKE CASES" and "PACK OF 72 BLUE PAISLEY CAKE CASES", "REGENCY
/// CAKESTAND 3 TIER" and "REGENCY CAKESTAND 2 TIER"). A list that shows two of them shows one product twice.
/// </summary>
public static partial class ProductVariants
{
    private static readonly HashSet<string> VariantWords = new(StringComparer.Ordinal)
    {
        // Colours and finishes.
        "red", "blue", "green", "pink", "white", "black", "ivory", "cream", "yellow", "orange", "purple", "gold", "golden",
        "silver", "grey", "gray", "brown", "turquoise", "lilac", "aqua", "beige", "copper", "chrome", "pastel", "bright",
        "natural", "multicolour", "assorted", "colour", "colours", "colored", "coloured", "antique", "zinc", "rose", "mint",
        "navy", "sky", "teal", "lavender", "magenta", "fuchsia", "peach", "lemon", "violet", "crimson", "scarlet", "amber",
        // Sizes.
        "small", "medium", "large", "mini", "jumbo", "big", "giant", "tiny", "xl", "xs", "xxl", "sml", "lrg", "med", "size",
        "tall", "short", "long", "wide", "round", "square", "single", "double", "tier", "tiers",
        // Pack counts.
        "pack", "packs", "of", "set", "sets", "pc", "pcs", "piece", "pieces", "and", "&", "+",
    };

    /// <summary>The words a title keeps once its variant words are set aside; titles with equal keys are variants.</summary>
    public static string Key(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        var words = title.ToLowerInvariant().Split([' ', ',', '(', ')', '.', '\t'], StringSplitOptions.RemoveEmptyEntries);
        // A bare number that ends the title names the product ("PRODUCT 2", "NUMBER 5") unless a pack word leads it in ("PACK 24").
        var kept = words.Where((word, i) => !IsVariantWord(word) || IsName(words, i)).ToArray();
        // A title made only of variant words ("SET OF 3") keeps them all, so it is no variant of every other such title.
        return string.Join(' ', kept.Length > 0 ? kept : words);
    }

    /// <summary>
    /// The keys of the products <paramref name="itemIds"/> are variants of, by their titles in <paramref name="catalog"/>
    /// (an item not in it has none): what a user bought, so that no colour or size of it is offered as new.
    /// </summary>
    public static HashSet<string> KeysOf(IEnumerable<string> itemIds, IReadOnlyDictionary<string, CatalogEntry> catalog)
    {
        ArgumentNullException.ThrowIfNull(itemIds);
        ArgumentNullException.ThrowIfNull(catalog);
        return itemIds.Select(itemId => catalog.TryGetValue(itemId, out var entry) ? Key(entry.Title) : null)
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
    }

    public static bool AreVariants(string first, string second) =>
        string.Equals(Key(first), Key(second), StringComparison.Ordinal);

    private static bool IsName(string[] words, int i) =>
        i == words.Length - 1 && i > 0 && words[i].All(char.IsAsciiDigit) && !VariantWords.Contains(words[i - 1]);

    // A count or a measurement ("72", "12cm", "s/3", "2m", "3x", "set/4", "20x30cm") varies the pack or the size; a
    // code such as "a1" or "3d" names the product and stays.
    private static bool IsVariantWord(string word) => VariantWords.Contains(word) || Measure().IsMatch(word);

    [GeneratedRegex(@"^(?:\d+(?:[.,/x]\d+)*(?:cm|mm|m|ml|cl|l|g|kg|oz|in|x|pc|pcs|""|'s|s)?|s(?:et)?/\d+)$")]
    private static partial Regex Measure();
}

/// <summary>The items of one model numbered by product family (<see cref="ProductVariants.Key"/>), so a ranking can keep one variant of each.</summary>
public sealed class ProductFamilies
{
    private readonly int[] _family;

    /// <param name="titles">The title of each item number; an item without one is a family of its own.</param>
    public ProductFamilies(IReadOnlyList<string?> titles)
    {
        ArgumentNullException.ThrowIfNull(titles);
        var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
        _family = new int[titles.Count];
        for (var item = 0; item < titles.Count; item++)
        {
            var key = titles[item] is { } title ? ProductVariants.Key(title) : $"\u0000{item}";
            if (!numbers.TryGetValue(key, out var family))
            {
                numbers[key] = family = numbers.Count;
            }

            _family[item] = family;
        }
    }

    public bool AreVariants(int first, int second) => _family[first] == _family[second];

    /// <summary>The items in order, without any that is a variant of an item before it, at most <paramref name="count"/>.</summary>
    public int[] KeepOnePerProduct(IEnumerable<int> ranked, int count)
    {
        ArgumentNullException.ThrowIfNull(ranked);
        var seen = new HashSet<int>();
        return [.. ranked.Where(item => seen.Add(_family[item])).Take(count)];
    }
}
