using Tailor.Links;

namespace Tailor.Ingestion.Tests.Links;

/// <summary>The paths of Tailor's links as ContentGeneration writes them (signed with the key both services use by default).</summary>
internal static class TailorLinks
{
    public const string Fallback = "https://shop.example.com/";
    public const string ItemPage = "https://shop.example.com/products/85123A?utm_source=tailor";

    public static readonly LinkSignature Signature = new(LinkSigningOptions.DevelopmentKey);

    /// <summary>Ingestion with a fallback of its own, so a redirect to it cannot be mistaken for the default.</summary>
    public static readonly Dictionary<string, string?> Settings = new()
    {
        ["Tailor:Ingestion:Links:FallbackUrl"] = Fallback,
        ["Tailor:ContentGeneration:BrandName"] = "Hearth & Home",
    };

    public static string Click(Guid emailId, string itemId) =>
        $"/c/{emailId:D}/{Uri.EscapeDataString(itemId)}?s={Signature.Sign(emailId, itemId)}";

    public static string Unsubscribe(Guid emailId) => $"/u/{emailId:D}?s={Signature.SignUnsubscribe(emailId)}";

    public static string Resubscribe(Guid emailId) => $"/u/{emailId:D}/resubscribe?s={Signature.SignUnsubscribe(emailId)}";

    /// <summary>Puts items into the catalog through <c>POST /v1/catalog</c>, each with its page when one is given.</summary>
    public static async Task UpsertAsync(IngestionApp app, params (string Id, string? Url)[] items)
    {
        using var response = await app.PostAsync("/v1/catalog", new
        {
            items = items.Select(item => new { id = item.Id, title = $"ITEM {item.Id}", price = 2.55m, url = item.Url }),
        });
        response.EnsureSuccessStatusCode();
    }
}
