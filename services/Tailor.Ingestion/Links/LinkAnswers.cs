using System.Text;
using Microsoft.AspNetCore.Http;
using Tailor.Ingestion.Users;

namespace Tailor.Ingestion.Links;

/// <summary>How the link routes answer: pages for people, RFC 9457 problem details for programs.</summary>
internal static class LinkAnswers
{
    public const string HtmlContentType = "text/html; charset=utf-8";

    // The pages run nothing, load nothing, post only to this host and cannot be framed (no clickjacking of the buttons).
    private const string ReferrerPolicy = "Referrer-Policy";

    private const string ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    /// <summary>
    /// A redirect that is never cached, so a second click comes back (and is recognised as the same click). The shop's
    /// page is told nothing of where the reader came from (their webmail's address is none of its business).
    /// </summary>
    public static IResult Redirect(HttpContext http, string destination)
    {
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers[ReferrerPolicy] = "no-referrer";
        return Results.Redirect(destination);
    }

    public static IResult Page(HttpContext http, int status, string html)
    {
        SetPageHeaders(http.Response);
        return Results.Content(html, HtmlContentType, Encoding.UTF8, status);
    }

    public static void SetPageHeaders(HttpResponse response)
    {
        var headers = response.Headers;
        headers.CacheControl = "no-store";
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers[ReferrerPolicy] = "no-referrer";
    }

    /// <summary>
    /// The paths of the links in emails, <c>/c/…</c> and <c>/u/…</c>, which people open in a browser: as routed, or as
    /// sent, since the server resolves dot segments first (<c>/u/%2E%2E</c> is routed as <c>/</c>, yet was a link).
    /// </summary>
    public static bool IsLinkPath(HttpRequest request) =>
        IsLinkPath(request.Path) || SentPath(request.HttpContext) is { } sent && IsLinkPath(sent);

    /// <summary>The path as the client sent it, before dot segments were resolved; null for a target that is no path.</summary>
    public static PathString? SentPath(HttpContext http) =>
        UserIdPath.RawPath(http) is var raw && raw.StartsWith('/') ? new PathString(raw) : null;

    private static bool IsLinkPath(PathString path) =>
        path.StartsWithSegments("/c", StringComparison.OrdinalIgnoreCase) || path.StartsWithSegments("/u", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// A browser: it names <c>text/html</c> in <c>Accept</c>. A mailbox provider's one-click POST and an API client do
    /// not, and get problem details.
    /// </summary>
    public static bool WantsPage(HttpRequest request) =>
        request.GetTypedHeaders().Accept.Any(accept => accept.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));
}
