using System.Text;
using Microsoft.AspNetCore.Http;

namespace Tailor.Ingestion.Links;

/// <summary>How the link routes answer: pages for people, RFC 9457 problem details for programs.</summary>
internal static class LinkAnswers
{
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
        var headers = http.Response.Headers;
        headers.CacheControl = "no-store";
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers[ReferrerPolicy] = "no-referrer";
        return Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8, status);
    }

    /// <summary>A failed POST: a page when a browser's form sent it, else problem details (a mailbox provider's one-click POST).</summary>
    public static IResult Failure(HttpContext http, int status, string title, string detail, string page) =>
        WantsPage(http.Request) ? Page(http, status, page) : Results.Problem(statusCode: status, title: title, detail: detail);

    private static bool WantsPage(HttpRequest request) =>
        request.GetTypedHeaders().Accept.Any(accept => accept.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));
}
