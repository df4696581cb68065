using System.Globalization;

namespace Tailor.ContentGeneration.Composition;

/// <summary>
/// Prices as the shop's customers write them: the currency's own symbol, placement and decimals for the shop's
/// language (<see cref="ContentGenerationOptions.CurrencyCode"/> in <see cref="ContentGenerationOptions.PriceCulture"/>:
/// GBP in en-GB is "£1,234.50", EUR in de-DE "1.234,50 €"). A configured <see cref="ContentGenerationOptions.CurrencySymbol"/>
/// replaces the symbol and nothing else.
/// </summary>
public sealed class PriceFormat
{
    private readonly NumberFormatInfo _format;

    public PriceFormat(string currencyCode, string priceCulture, string? symbol)
    {
        var culture = CultureInfo.GetCultureInfo(priceCulture);
        var format = (NumberFormatInfo)culture.NumberFormat.Clone();
        format.CurrencySymbol = symbol ?? SymbolOf(currencyCode, culture) ?? currencyCode;
        format.CurrencyDecimalDigits = DecimalsOf(currencyCode, format.CurrencyDecimalDigits);
        _format = NumberFormatInfo.ReadOnly(format);
    }

    public static PriceFormat From(ContentGenerationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new PriceFormat(options.CurrencyCode, options.PriceCulture, options.CurrencySymbol);
    }

    public string Format(decimal price) => price.ToString("C", _format);

    /// <summary>Whether the code is a currency some culture on this machine uses (ISO 4217, upper case).</summary>
    public static bool IsKnownCurrency(string? code) =>
        code is { Length: 3 } && code.All(char.IsAsciiLetterUpper) && Regions().Any(region => region.ISOCurrencySymbol == code);

    public static bool IsKnownCulture(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return false;
        }

        try
        {
            return !CultureInfo.GetCultureInfo(name, predefinedOnly: true).IsNeutralCulture;
        }
        catch (CultureNotFoundException)
        {
            return false;
        }
    }

    // The symbol the currency's own cultures write, preferring one that shares the shop's language ("£" for GBP in
    // en-GB, "€" for EUR in en-IE), so a GBP price in a German email reads "£" rather than "GBP".
    private static string? SymbolOf(string code, CultureInfo shop)
    {
        var users = CultureInfo.GetCultures(CultureTypes.SpecificCultures)
            .Where(culture => Region(culture)?.ISOCurrencySymbol == code)
            .ToList();
        var preferred = users.FirstOrDefault(culture => culture.TwoLetterISOLanguageName == shop.TwoLetterISOLanguageName) ?? users.FirstOrDefault();
        return preferred is null ? null : Region(preferred)?.CurrencySymbol;
    }

    private static int DecimalsOf(string code, int fallback) =>
        CultureInfo.GetCultures(CultureTypes.SpecificCultures).FirstOrDefault(culture => Region(culture)?.ISOCurrencySymbol == code)?.NumberFormat.CurrencyDecimalDigits ?? fallback;

    private static IEnumerable<RegionInfo> Regions() =>
        CultureInfo.GetCultures(CultureTypes.SpecificCultures).Select(Region).OfType<RegionInfo>();

    private static RegionInfo? Region(CultureInfo culture)
    {
        try
        {
            return new RegionInfo(culture.Name);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
