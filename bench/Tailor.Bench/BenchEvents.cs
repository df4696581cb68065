using System.Globalization;
using Tailor.Contracts;

namespace Tailor.Bench;

/// <summary>
/// The benchmark's events: purchases shaped like Online Retail lines (customer, stock code, price), as Segment
/// <c>Order Completed</c> calls for the HTTP run and as the <c>UserActivityTracked</c> Ingestion makes of them for the raw bus.
/// </summary>
internal static class BenchEvents
{
    private static readonly string[] StockCodes = ["85123A", "71053", "84406B", "84029G", "84029E", "22752", "21730", "22633", "22632", "84879"];

    public static object Call(string run, int n) => new
    {
        type = "track",
        userId = UserId(n),
        @event = "Order Completed",
        messageId = $"{run}-{n}",
        timestamp = Timestamp(n),
        properties = new
        {
            bench_run = run,
            products = new[] { new { product_id = StockCodes[n % StockCodes.Length], name = "WHITE HANGING HEART T-LIGHT HOLDER", price = 2.55, quantity = 6 } },
        },
    };

    public static UserActivityTracked Activity(string run, int n) => new(
        Guid.NewGuid(),
        UserId(n),
        Timestamp(n),
        ActivityKinds.Purchase,
        StockCodes[n % StockCodes.Length],
        "WHITE HANGING HEART T-LIGHT HOLDER",
        6,
        2.55m,
        null,
        new Dictionary<string, string> { ["bench_run"] = run, ["event"] = "Order Completed" });

    private static string UserId(int n) => (12_346 + (n % 4_000)).ToString(CultureInfo.InvariantCulture);

    private static DateTimeOffset Timestamp(int n) => new DateTimeOffset(2010, 12, 1, 8, 26, 0, TimeSpan.Zero).AddSeconds(n);
}
