using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Tailor.Links;

namespace Tailor.Ingestion.Links;

/// <summary><c>GET /c/{emailId}/{itemId}?s=…</c>: a product link in an email; always a 302 (see <see cref="ClickRedirect"/>).</summary>
internal static class ClickEndpoint
{
    public static async Task<IResult> FollowAsync(
        HttpContext http,
        string emailId,
        string? itemId,
        [FromQuery(Name = LinkSignature.QueryParameter)] string? s,
        ClickRedirect clicks)
    {
        var destination = await clicks.FollowAsync(
            LinkRequest.EmailId(emailId), LinkRequest.ItemId(http, itemId), s, http.Request.Headers.UserAgent.ToString(), http.RequestAborted);
        return LinkAnswers.Redirect(http, destination);
    }
}
