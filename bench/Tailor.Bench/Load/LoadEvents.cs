using System.Globalization;
using Tailor.Contracts;
using Tailor.Host.Demo;

namespace Tailor.Bench.Load;

/// <summary>
/// The load's users and what they buy: products of the bundled Online Retail month (its descriptions, stock codes and
/// prices), one <c>Order Completed</c> per event, each from a user who has not been seen before.
/// </summary>
internal sealed class LoadEvents
{
    private readonly IReadOnlyList<RetailLine> _products;

    private LoadEvents(IReadOnlyList<RetailLine> products) => _products = products;

    public static LoadEvents FromSample()
    {
        var file = new FileInfo(Path.Combine(AppContext.BaseDirectory, "SampleData", "online-retail-2010-12.csv.gz"));
        var products = OnlineRetailReader.Read(file)
            .Where(line => !line.IsCancellation && line.Quantity > 0 && line.UnitPrice > 0 && !string.IsNullOrWhiteSpace(line.Description))
            .DistinctBy(line => line.StockCode, StringComparer.Ordinal)
            .ToList();
        return products.Count > 0 ? new LoadEvents(products) : throw new InvalidOperationException($"No products in {file.FullName}.");
    }

    private const int MinutesPerWeek = 7 * 24 * 60;

    // A Monday, 00:00 UTC.
    private static readonly DateTimeOffset FirstWeek = new(2025, 1, 6, 0, 0, 0, TimeSpan.Zero);

    public int ProductCount => _products.Count;

    public static string UserId(int n) => $"load-user-{n.ToString(CultureInfo.InvariantCulture)}";

    public RetailLine Product(int n) => _products[n % _products.Count];

    /// <summary>
    /// User <paramref name="user"/>'s one order, of product <paramref name="product"/>. Its time depends on the user
    /// only (spread over the hours of one week), never on when the run happens, so two runs learn the same profiles.
    /// </summary>
    public object Call(string run, int user, int product)
    {
        var bought = Product(product);
        return new
        {
            type = "track",
            userId = UserId(user),
            @event = "Order Completed",
            messageId = $"{run}-{user}",
            timestamp = FirstWeek.AddMinutes(user * 37 % MinutesPerWeek),
            properties = new
            {
                products = new[] { new { product_id = bought.StockCode, name = bought.Description, price = bought.UnitPrice, quantity = bought.Quantity } },
            },
        };
    }

    /// <summary>Every product as a catalog item of <c>POST /v1/catalog</c>, as a shop sends its catalog before its orders.</summary>
    public IReadOnlyList<object> Catalog() =>
        [.. _products.Select(product => (object)new { id = product.StockCode, title = product.Description, price = product.UnitPrice })];

    /// <summary>The message Ingestion publishes for one call: the size the raw broker run copies.</summary>
    public UserActivityTracked Activity(int n)
    {
        var product = Product(n);
        return new(
            Guid.NewGuid(), UserId(n), DateTimeOffset.UtcNow, ActivityKinds.Purchase, product.StockCode, product.Description, product.Quantity, product.UnitPrice,
            null, new Dictionary<string, string> { ["event"] = "Order Completed" });
    }

    /// <summary>What Recommendation would have written for a user: four products of the sample, best first.</summary>
    public IReadOnlyList<RecommendedItem> Recommendations(int n) =>
        [.. Enumerable.Range(0, 4).Select(k => Product(n * 7 + k * 13)).Select((product, rank) =>
            new RecommendedItem(product.StockCode, product.Description, product.UnitPrice, 1.0 - (rank * 0.1), "load benchmark"))];
}
