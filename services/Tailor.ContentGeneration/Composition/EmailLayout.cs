using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.Options;
using Tailor.Contracts;

namespace Tailor.ContentGeneration.Composition;

/// <summary>
/// Builds an email's HTML and text from its parts, whoever wrote them (templates or a language model): every value is
/// HTML-encoded here, one by one, so no profile, catalog or generated text is ever inserted raw, and every product
/// line (title, price, link) comes from the catalog facts, not from the writer.
/// </summary>
public sealed class EmailLayout(IOptions<ContentGenerationOptions> options, EmailLinks links)
{
    // Encodes what HTML needs encoded and leaves letters of every script (and "£") readable in the source.
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    private readonly string _brand = options.Value.BrandName;
    private readonly string _currency = options.Value.CurrencySymbol;

    public string Price(decimal price) => _currency + price.ToString("N2", CultureInfo.InvariantCulture);

    /// <param name="callsToAction">Link text per item id; an item without one links its title.</param>
    public ComposedEmail Render(
        EmailFacts facts, string subject, string preheader, string greeting, IReadOnlyList<string> paragraphs, IReadOnlyDictionary<string, string>? callsToAction = null)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(paragraphs);
        var items = facts.Items
            .Select(item => new ShownItem(
                item.ItemId,
                CopyText.SingleLine(item.Title) ?? item.ItemId,
                Price(item.Price),
                links.Product(facts.EmailId, item.ItemId),
                callsToAction?.GetValueOrDefault(item.ItemId)))
            .ToList();
        var unsubscribe = links.Unsubscribe(facts.EmailId);
        return new ComposedEmail(
            subject,
            preheader,
            HtmlBody(subject, preheader, greeting, paragraphs, items, unsubscribe),
            TextBody(greeting, paragraphs, items, unsubscribe),
            [.. items.Select(item => item.ItemId)]);
    }

    private string HtmlBody(string subject, string preheader, string greeting, IReadOnlyList<string> paragraphs, IReadOnlyList<ShownItem> items, string unsubscribe)
    {
        var html = new StringBuilder(2_048);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(Html.Encode(subject)).Append("</title>\n</head>\n")
            .Append("<body style=\"margin:0;padding:0;background:#f6f6f6;font-family:Arial,Helvetica,sans-serif;color:#222222;\">\n")
            // The preheader is the inbox preview line: present for mail clients, hidden in the opened email.
            .Append("<div style=\"display:none;max-height:0;overflow:hidden;\">").Append(Html.Encode(preheader)).Append("</div>\n")
            .Append("<div style=\"max-width:600px;margin:0 auto;padding:24px;background:#ffffff;\">\n")
            .Append("<h1 style=\"font-size:22px;margin:0 0 16px;\">").Append(Html.Encode(greeting)).Append("</h1>\n");
        foreach (var paragraph in paragraphs)
        {
            html.Append("<p style=\"font-size:16px;line-height:1.5;\">").Append(Html.Encode(paragraph)).Append("</p>\n");
        }

        html.Append("<ul style=\"list-style:none;padding:0;margin:0;\">\n");
        foreach (var item in items)
        {
            html.Append("<li style=\"margin:0 0 16px;\"><a href=\"").Append(Html.Encode(item.Link))
                .Append("\" style=\"color:#0b5cad;font-weight:bold;text-decoration:none;\">").Append(Html.Encode(item.Title))
                .Append("</a><br><span style=\"font-size:15px;\">").Append(Html.Encode(item.Price)).Append("</span>");
            if (item.CallToAction is { } callToAction)
            {
                html.Append("<br><a href=\"").Append(Html.Encode(item.Link)).Append("\" style=\"color:#0b5cad;font-size:15px;\">")
                    .Append(Html.Encode(callToAction)).Append("</a>");
            }

            html.Append("</li>\n");
        }

        html.Append("</ul>\n")
            .Append("<p style=\"font-size:12px;color:#666666;\">You receive this email from ").Append(Html.Encode(_brand))
            .Append(" because you agreed to hear from us. <a href=\"").Append(Html.Encode(unsubscribe))
            .Append("\" style=\"color:#666666;\">Unsubscribe</a></p>\n")
            .Append("</div>\n</body>\n</html>\n");
        return html.ToString();
    }

    private string TextBody(string greeting, IReadOnlyList<string> paragraphs, IReadOnlyList<ShownItem> items, string unsubscribe)
    {
        var text = new StringBuilder(1_024);
        text.Append(greeting).Append("\n\n");
        foreach (var paragraph in paragraphs)
        {
            text.Append(paragraph).Append("\n\n");
        }

        foreach (var item in items)
        {
            text.Append(item.Title).Append(" - ").Append(item.Price).Append('\n');
            if (item.CallToAction is { } callToAction)
            {
                text.Append(callToAction).Append(": ");
            }

            text.Append(item.Link).Append("\n\n");
        }

        text.Append("--\nYou receive this email from ").Append(_brand).Append(" because you agreed to hear from us.\n")
            .Append("Unsubscribe: ").Append(unsubscribe).Append('\n');
        return text.ToString();
    }

    private sealed record ShownItem(string ItemId, string Title, string Price, string Link, string? CallToAction);
}
