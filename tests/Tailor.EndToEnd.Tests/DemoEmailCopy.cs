using System.Globalization;
using System.Text.RegularExpressions;
using Tailor.ContentGeneration.Copy;
using Tailor.Contracts;
using Tailor.Host.Demo;
using Tailor.Recommendation.Catalog;

namespace Tailor.EndToEnd.Tests;

/// <summary>
/// Properties every demo email's copy must have, checked over all of them: names in natural casing, items shown once
/// each and never two variants of one product, subjects that differ from customer to customer, and every product
/// name and price in the text grounded in the catalog the demo replayed.
/// </summary>
internal static partial class DemoEmailCopy
{
    /// <summary>The share of emails whose subject no other email has.</summary>
    public static double UniqueSubjectShare(IReadOnlyList<EmailReady> emails)
    {
        var counts = emails.GroupBy(email => email.Subject, StringComparer.Ordinal).ToDictionary(group => group.Key, group => group.Count(), StringComparer.Ordinal);
        return emails.Count(email => counts[email.Subject] == 1) / (double)emails.Count;
    }

    /// <summary>The share of emails that show two items which are variants of one product (<see cref="ProductVariants"/>).</summary>
    public static double VariantPairShare(IReadOnlyList<EmailReady> emails, IReadOnlyDictionary<string, string> titles) =>
        emails.Count(email => HasVariantPair(email, titles)) / (double)emails.Count;

    public static bool HasVariantPair(EmailReady email, IReadOnlyDictionary<string, string> titles)
    {
        var keys = email.ItemIds.Select(itemId => ProductVariants.Key(titles.GetValueOrDefault(itemId, itemId))).ToList();
        return keys.Distinct(StringComparer.Ordinal).Count() < keys.Count;
    }

    /// <summary>Words of subject, preheader and text in capitals that are neither abbreviations, codes nor measurements.</summary>
    public static IEnumerable<string> ShoutingWords(EmailReady email)
    {
        var text = Url().Replace($"{email.Subject}\n{email.Preheader}\n{email.TextBody}", " ");
        return Words().Matches(text).Select(match => match.Value)
            .Where(word => word.Count(char.IsLetter) > 1 && word.Where(char.IsLetter).All(char.IsUpper) && !ProductNames.MayBeCapitals(word));
    }

    /// <summary>The products the text part shows: name, price, reason and the item id its link names.</summary>
    public static IReadOnlyList<(string Name, string Price, string? Reason, string ItemId)> TextItems(EmailReady email) =>
        [.. TextItem().Matches(email.TextBody).Select(match => (
            match.Groups["name"].Value,
            match.Groups["price"].Value,
            match.Groups["reason"].Success ? match.Groups["reason"].Value : null,
            Uri.UnescapeDataString(match.Groups["item"].Value)))];

    /// <summary>Each product's name and every price the data set sold it at, as the email writes them.</summary>
    public static (Dictionary<string, string> Titles, Dictionary<string, HashSet<string>> Prices) Catalog(IEnumerable<RetailLine> lines)
    {
        var titles = new Dictionary<string, string>(StringComparer.Ordinal);
        var prices = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var culture = CultureInfo.GetCultureInfo("en-GB");
        foreach (var line in lines.Where(line => line.Description.Length > 0 && line.UnitPrice > 0))
        {
            titles[line.StockCode] = line.Description;
            if (!prices.TryGetValue(line.StockCode, out var sold))
            {
                prices[line.StockCode] = sold = new HashSet<string>(StringComparer.Ordinal);
            }

            sold.Add(line.UnitPrice.ToString("C", culture));
        }

        return (titles, prices);
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Url();

    [GeneratedRegex(@"[\p{L}\p{N}'/\-]+")]
    private static partial Regex Words();

    [GeneratedRegex(@"^(?<name>[^\n]+) - (?<price>£[0-9,]+\.[0-9]{2})\n(?:(?<reason>[^\n:]+)\n)?[^\n:]+: https?://[^\s]+/c/[0-9a-f-]{36}/(?<item>[^?\s]+)\?s=[^\s]+$", RegexOptions.Multiline)]
    private static partial Regex TextItem();
}
