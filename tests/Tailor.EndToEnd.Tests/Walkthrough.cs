namespace Tailor.EndToEnd.Tests;

/// <summary>The calls of docs/walkthrough.md, "Your first delivered email", as the test sends them.</summary>
internal static class Walkthrough
{
    public static readonly string[] UserIds = ["ada", "grace"];

    public static readonly string[] Addresses = ["ada@example.com", "grace@example.com"];

    public static IReadOnlyList<object> Catalog { get; } =
    [
        Item("85123A", "WHITE HANGING HEART T-LIGHT HOLDER", "A white metal heart to hang, with a tea light holder.", 2.55m, "home"),
        Item("21733", "RED HANGING HEART T-LIGHT HOLDER", "A red metal heart to hang, with a tea light holder.", 2.95m, "home"),
        Item("84029G", "KNITTED UNION FLAG HOT WATER BOTTLE", "A hot water bottle in a knitted Union Jack cover.", 3.75m, "winter"),
        Item("22632", "HAND WARMER RED POLKA DOT", "A reusable hand warmer with red polka dots.", 1.85m, "winter"),
        Item("22752", "SET 7 BABUSHKA NESTING BOXES", "Seven painted wooden nesting boxes.", 7.65m, "gifts"),
        Item("21730", "GLASS STAR FROSTED T-LIGHT HOLDER", "A frosted glass star that holds a tea light.", 4.25m, "home"),
    ];

    public static IReadOnlyList<object> Identifies { get; } =
    [
        new { type = "identify", userId = "ada", traits = new { email = "ada@example.com", firstName = "Ada", email_consent = true } },
        new { type = "identify", userId = "grace", traits = new { email = "grace@example.com", firstName = "Grace", email_consent = true } },
    ];

    public static IReadOnlyList<object> Orders { get; } =
    [
        Order("ada", "85123A", "WHITE HANGING HEART T-LIGHT HOLDER", 2.55m),
        Order("grace", "84029G", "KNITTED UNION FLAG HOT WATER BOTTLE", 3.75m),
    ];

    private static object Item(string id, string title, string description, decimal price, string category) =>
        new { id, title, description, price, category, url = $"https://shop.example.com/products/{id}" };

    private static object Order(string userId, string productId, string name, decimal price) =>
        new { type = "track", userId, @event = "Order Completed", properties = new { products = new[] { new { product_id = productId, name, price, quantity = 1 } } } };
}
