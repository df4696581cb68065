using Tailor.Contracts;
using Tailor.Testing;

namespace Tailor.ContentGeneration.Tests;

/// <summary>Real products (stock code, description, unit price) from the first lines of the Online Retail file.</summary>
internal static class OnlineRetailProducts
{
    private static readonly Lazy<IReadOnlyList<RecommendedItem>> FirstProducts = new(() =>
        [.. OnlineRetail.Rows()
            // These tests only need plain names: none with a comma.
            .Where(line => !line.IsCancellation && !line.Description.Contains(',', StringComparison.Ordinal))
            .DistinctBy(line => line.StockCode)
            .Take(40)
            .Select((line, rank) => new RecommendedItem(line.StockCode, line.Description.Trim(), line.UnitPrice, 1.0 / (rank + 1), "popular right now"))]);

    /// <summary>The first <paramref name="count"/> distinct products, as a recommender would list them, best first.</summary>
    public static IReadOnlyList<RecommendedItem> First(int count) => [.. FirstProducts.Value.Take(count)];
}
