using System.Text.Encodings.Web;
using System.Text;
using Tailor.Links;

namespace Tailor.Ingestion.Links;

/// <summary>
/// The pages behind an email's unsubscribe link: small, valid HTML5 with a language, a title, one labelled form and one
/// button, styled inline, with no script (they work in any browser, with JavaScript off, and in a screen reader).
/// Every text from outside (the brand) is HTML-encoded.
/// </summary>
internal static class UnsubscribePage
{
    // One-click unsubscribe (RFC 8058) posts exactly this field; the page's form posts it too, so both reach one handler.
    public const string OneClickField = "List-Unsubscribe";
    public const string OneClickValue = "One-Click";

    private const string Style =
        "body{margin:0;padding:1rem;background:#f4f4f5;color:#18181b;" +
        "font-family:system-ui,-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;font-size:1rem;line-height:1.5}" +
        "main{max-width:28rem;margin:8vh auto 0;padding:2rem;background:#ffffff;border-radius:12px;box-shadow:0 1px 4px rgba(0,0,0,.15)}" +
        ".brand{margin:0 0 1.5rem;font-weight:700;color:#52525b}" +
        "h1{margin:0 0 .75rem;font-size:1.5rem;line-height:1.25}" +
        "p{margin:0 0 1.25rem}" +
        "form{margin:0}" +
        "button{font:inherit;font-weight:600;padding:.75rem 1.5rem;border:2px solid #18181b;border-radius:8px;background:#18181b;color:#ffffff;cursor:pointer}" +
        "button:hover{background:#3f3f46;border-color:#3f3f46}" +
        "button:focus-visible{outline:3px solid #2563eb;outline-offset:2px}" +
        "button.quiet{background:#ffffff;color:#18181b}" +
        "button.quiet:hover{background:#f4f4f5}" +
        ".note{font-size:.875rem;color:#52525b}";

    /// <summary>Where the unsubscribe form posts: the link itself, <c>/u/{emailId}?s=…</c>.</summary>
    public static string UnsubscribePath(Guid emailId, string signature) =>
        $"/u/{emailId:D}?{LinkSignature.QueryParameter}={Uri.EscapeDataString(signature)}";

    public static string ResubscribePath(Guid emailId, string signature) =>
        $"/u/{emailId:D}/resubscribe?{LinkSignature.QueryParameter}={Uri.EscapeDataString(signature)}";

    /// <summary>What the link opens: a question and one button. Opening it changes nothing (scanners open links too).</summary>
    public static string Confirm(string brand, Guid emailId, string signature) => Page(
        brand,
        title: $"Unsubscribe from {brand}",
        heading: $"Unsubscribe from {brand} emails?",
        text: $"Press the button and {brand} will send no more emails to this address.",
        form: new Form(UnsubscribePath(emailId, signature), "Unsubscribe", Quiet: false, OneClick: true, Label: null));

    /// <summary>After unsubscribing: done, and a way back for a reader who pressed it by mistake.</summary>
    public static string Unsubscribed(string brand, Guid emailId, string signature) => Page(
        brand,
        title: $"Unsubscribed from {brand}",
        heading: "You are unsubscribed",
        text: $"You will get no more emails from {brand}.",
        form: new Form(ResubscribePath(emailId, signature), "Resubscribe", Quiet: true, OneClick: false, Label: "Pressed it by mistake?"));

    public static string Resubscribed(string brand, Guid emailId, string signature) => Page(
        brand,
        title: $"Subscribed to {brand} again",
        heading: "You are subscribed again",
        text: $"You will get emails from {brand} again.",
        form: new Form(UnsubscribePath(emailId, signature), "Unsubscribe", Quiet: true, OneClick: true, Label: "Changed your mind?"));

    /// <summary>
    /// After unsubscribing through the link of an email Ingestion has not stored yet (its record is still queued behind
    /// the email itself): the request is recorded and applies once the email is, so the page says so and promises only that.
    /// </summary>
    public static string UnsubscribeHeld(string brand, Guid emailId, string signature) => Page(
        brand,
        title: $"Unsubscribe from {brand} recorded",
        heading: "Your unsubscribe is recorded",
        text: $"We have your request. {brand} is still sending this round of emails; your unsubscribe takes effect as soon as this one is on record. An email already on its way may still arrive; after that you will get no more emails from {brand} at this address.",
        form: new Form(ResubscribePath(emailId, signature), "Resubscribe", Quiet: true, OneClick: false, Label: "Pressed it by mistake?"));

    public static string ResubscribeHeld(string brand, Guid emailId, string signature) => Page(
        brand,
        title: $"Subscribing to {brand} again recorded",
        heading: "Your request is recorded",
        text: $"We have your request. {brand} is still sending this round of emails; you will get emails from {brand} again as soon as this one is on record.",
        form: new Form(UnsubscribePath(emailId, signature), "Unsubscribe", Quiet: true, OneClick: true, Label: "Changed your mind?"));

    public static string NotFound(string brand) => Page(
        brand,
        title: "Link not found",
        heading: "This link does not work",
        text: $"It may have been cut short. Open the email from {brand} again and use the link there, or the one in a newer email.",
        form: null);

    /// <summary>A link opened with a method its route does not take: the resubscribe address opened as a page, say.</summary>
    public static string WrongMethod(string brand) => Page(
        brand,
        title: "Link opened the wrong way",
        heading: "This address is not a page",
        text: $"It is where a button on {brand}'s unsubscribe page sends its answer. Open the link in the email from {brand} again. Nothing has changed.",
        form: null);

    /// <summary>A form the page did not send (a body that is not the form, too large, or without its field): nothing changed.</summary>
    public static string NotUnderstood(string brand) => Page(
        brand,
        title: "This did not work",
        heading: "This did not work",
        text: $"Your browser sent something this page cannot read, so nothing has changed. Open the link in the email from {brand} again and press its button.",
        form: null);

    public static string TooManyRequests(string brand) => Page(
        brand,
        title: "Please wait a minute",
        heading: "Please wait a minute",
        text: "This link was opened many times in a short while. Open it again in a minute.",
        form: null);

    public static string Unavailable(string brand) => Page(
        brand,
        title: "Please try again",
        heading: "Please try again in a minute",
        text: "We could not finish this just now. Nothing has gone wrong on your side: open the link again in a minute.",
        form: null);

    private static string Page(string brand, string title, string heading, string text, Form? form)
    {
        var html = new StringBuilder(2_048)
            .Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<meta name=\"robots\" content=\"noindex, nofollow\">\n")
            .Append("<title>").Append(Encode(title)).Append("</title>\n")
            .Append("<style>").Append(Style).Append("</style>\n")
            .Append("</head>\n<body>\n<main>\n")
            .Append("<p class=\"brand\">").Append(Encode(brand)).Append("</p>\n")
            .Append("<h1 id=\"heading\">").Append(Encode(heading)).Append("</h1>\n")
            .Append("<p>").Append(Encode(text)).Append("</p>\n");
        if (form is not null)
        {
            // The form is named by the heading, or by its own question when it is the way back.
            var labelledBy = form.Label is null ? "heading" : "form-label";
            if (form.Label is not null)
            {
                html.Append("<p class=\"note\" id=\"form-label\">").Append(Encode(form.Label)).Append("</p>\n");
            }

            html.Append("<form method=\"post\" action=\"").Append(Encode(form.Action)).Append("\" aria-labelledby=\"").Append(labelledBy).Append("\">\n");
            if (form.OneClick)
            {
                html.Append("<input type=\"hidden\" name=\"").Append(OneClickField).Append("\" value=\"").Append(OneClickValue).Append("\">\n");
            }

            html.Append("<button type=\"submit\"").Append(form.Quiet ? " class=\"quiet\"" : "").Append('>').Append(Encode(form.Button)).Append("</button>\n")
                .Append("</form>\n");
        }

        return html.Append("</main>\n</body>\n</html>\n").ToString();
    }

    private static string Encode(string text) => HtmlEncoder.Default.Encode(text);

    private sealed record Form(string Action, string Button, bool Quiet, bool OneClick, string? Label);
}
