using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Tailor.Links;

namespace Tailor.Ingestion.Links;

/// <summary><c>GET</c> (and <c>HEAD</c>) <c>/c/{emailId}/{itemId}?s=…</c>: a product link in an email; always a 302 (see <see cref="ClickRedirect"/>).</summary>
internal static class ClickEndpoint
{
    public static async Task<IResult> FollowAsync(
        HttpContext http,
        string emailId,
        string? itemId,
        [FromQuery(Name = LinkSignature.QueryParameter)] string? s,
        ClickRedirect clicks)
    {
        // A HEAD is a link checker or a mail scanner, never a reader's click: the same answer, nothing recorded.
        var destination = HttpMethods.IsHead(http.Request.Method)
            ? await clicks.DestinationAsync(LinkRequest.EmailId(emailId), LinkRequest.ItemId(http, itemId), s, http.RequestAborted)
            : await clicks.FollowAsync(
                LinkRequest.EmailId(emailId), LinkRequest.ItemId(http, itemId), s, http.Request.Headers.UserAgent.ToString(), http.RequestAborted);
        return LinkAnswers.Redirect(http, destination);
    }
}
