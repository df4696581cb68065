using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Tailor.Ingestion.Validation;
using Tailor.Links;

namespace Tailor.Ingestion.Links;

/// <summary>Reads what a request for one of Tailor's links names: the email, the item and the signature.</summary>
internal static class LinkRequest
{
    public const string ClickPrefix = "/c/";

    /// <summary>The email id as Tailor writes it (<c>D</c> format), or null for anything else.</summary>
    public static Guid? EmailId(string? value) =>
        value is { Length: 36 } && Guid.TryParseExact(value, "D", out var id) ? id : null;

    /// <summary>The one signature the query carries, or null when it carries none or several.</summary>
    public static string? Signature(HttpRequest request) =>
        request.Query.TryGetValue(LinkSignature.QueryParameter, out var values) && values.Count == 1 ? values[0] : null;

    /// <summary>
    /// The item id of <c>/c/{emailId}/{itemId}</c>, unescaped exactly once from the URL as sent (the inverse of the
    /// <c>Uri.EscapeDataString</c> EmailLinks writes it with). The server's decoded path would not do: it keeps
    /// <c>%2F</c> encoded but decodes <c>%25</c>, so the ids <c>GIFT%2F20</c> and <c>GIFT/20</c> would read the same.
    /// Where the server gives no raw target (the test server), the route's value is used with <c>%2F</c> read as <c>/</c>.
    /// </summary>
    public static string? ItemId(HttpContext http, string? routeValue)
    {
        var raw = http.Features.Get<IHttpRequestFeature>()?.RawTarget;
        var itemId = raw is not null && raw.StartsWith(ClickPrefix, StringComparison.Ordinal)
            ? FromRawTarget(raw.AsSpan(ClickPrefix.Length))
            : routeValue?.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase);
        return string.IsNullOrWhiteSpace(itemId) || itemId.Length > FieldLimits.Id || itemId.Any(char.IsControl) ? null : itemId;
    }

    // "{emailId}/{itemId}?query" → the item id, unescaped.
    private static string? FromRawTarget(ReadOnlySpan<char> target)
    {
        var query = target.IndexOf('?');
        var path = query >= 0 ? target[..query] : target;
        var slash = path.IndexOf('/');
        return slash >= 0 ? Uri.UnescapeDataString(path[(slash + 1)..].ToString()) : null;
    }
}
