namespace Tailor.Recommendation.Catalog;

/// <summary>
/// Which catalog codes are products a customer can be recommended. Shops bill postage, fees, discounts and
/// gift vouchers as lines too (in Online Retail: POST, DOT, M, D, C2, CRUK, PADS, S, B, BANK CHARGES, AMAZONFEE,
/// gift_0001_*), and a line priced 0 is a sample or an adjustment, not something to sell.
/// </summary>
public static class ProductRule
{
    private static readonly HashSet<string> NonProductCodes = new(StringComparer.OrdinalIgnoreCase)
    {
        "POST", "DOT", "M", "D", "C2", "CRUK", "PADS", "S", "B", "BANK CHARGES", "AMAZONFEE",
    };

    private const string GiftVoucherPrefix = "gift_0001_";

    public static bool IsProduct(string itemId, decimal price) =>
        price > 0 &&
        !NonProductCodes.Contains(itemId.Trim()) &&
        !itemId.StartsWith(GiftVoucherPrefix, StringComparison.OrdinalIgnoreCase);
}
