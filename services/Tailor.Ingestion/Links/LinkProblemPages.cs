using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Tailor.Ingestion.Links;

/// <summary>
/// Every failure on the links in emails (<c>/c/…</c>, <c>/u/…</c>), as a page when a browser asked: the handlers' own
/// problems (a bad form, a body too large, an unknown link, the store down) and those the pipeline answers before any
/// handler runs (a path cut short, a method the route does not take, a type routing refuses, the rate limit, an
/// exception). A person who opens a link sees a page in the shop's name, never JSON; a program gets problem details
/// from the default writer. Registered ahead of it, since the first writer that can write is the one used.
/// </summary>
internal sealed class LinkProblemPages(IOptions<LinkOptions> options) : IProblemDetailsWriter
{
    public bool CanWrite(ProblemDetailsContext context) =>
        LinkAnswers.IsLinkPath(context.HttpContext.Request) && LinkAnswers.WantsPage(context.HttpContext.Request);

    public async ValueTask WriteAsync(ProblemDetailsContext context)
    {
        var response = context.HttpContext.Response;
        var status = context.ProblemDetails.Status ?? response.StatusCode;
        LinkAnswers.SetPageHeaders(response);
        response.StatusCode = status;
        response.ContentType = LinkAnswers.HtmlContentType;
        await response.WriteAsync(Page(status, options.Value.BrandName), context.HttpContext.RequestAborted);
    }

    private static string Page(int status, string brand) => status switch
    {
        StatusCodes.Status404NotFound => UnsubscribePage.NotFound(brand),
        StatusCodes.Status405MethodNotAllowed => UnsubscribePage.WrongMethod(brand),
        StatusCodes.Status429TooManyRequests => UnsubscribePage.TooManyRequests(brand),
        >= 500 => UnsubscribePage.Unavailable(brand),
        _ => UnsubscribePage.NotUnderstood(brand),
    };
}
