using Tailor.Links;

namespace Tailor.Ingestion.Webhooks;

/// <summary>
/// Finds Tailor's email id in what a provider echoes back: the <c>tailor_email_id</c> custom argument senders pass,
/// the <c>X-Tailor-Email-Id</c> header, or a product link Tailor wrote (<c>…/c/{emailId}/{itemId}</c>).
/// </summary>
internal static class TailorEmailIds
{
    public const string CustomArgument = "tailor_email_id";
    public const string Header = "X-Tailor-Email-Id";
    private const string ClickSegment = "c";

    public static Guid? Parse(string? value) => Guid.TryParse(value, out var id) ? id : null;

    /// <summary>The email id, item id and signature of a Tailor product link, or nulls for any other URL.</summary>
    public static (Guid? EmailId, string? ItemId, string? Signature) FromLink(string? url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return (null, null, null);
        }

        var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments.Length >= 3 && segments[^3] == ClickSegment && Guid.TryParse(segments[^2], out var emailId)
            ? (emailId, Uri.UnescapeDataString(segments[^1]), Signature(uri.Query))
            : (null, null, null);
    }

    private static string? Signature(string query) =>
        query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Where(pair => pair.Length == 2 && pair[0] == LinkSignature.QueryParameter)
            .Select(pair => Uri.UnescapeDataString(pair[1]))
            .FirstOrDefault();
}
