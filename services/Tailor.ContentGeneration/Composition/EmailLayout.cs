using System.Text;
using Microsoft.Extensions.ObjectPool;
using Microsoft.Extensions.Options;
using Tailor.ContentGeneration.Copy;
using Tailor.Contracts;

namespace Tailor.ContentGeneration.Composition;

/// <summary>
/// Builds an email's HTML and text from its parts, whoever wrote them (templates or a language model): every value is
/// HTML-encoded here, one by one, so no profile, catalog or generated text is ever inserted raw, and every product
/// line (name, reason, price, link) comes from the catalog facts, not from the writer. Items are shown by section
/// ("Buy again", "New for you"), each with its reason.
/// </summary>
/// <remarks>
/// The HTML is what the major clients agree on: nested tables for layout, every style inline, widths in attributes
/// too (Outlook on Windows reads those), no scripts, no external CSS, no web fonts. The one <c>&lt;style&gt;</c> in the
/// head holds only a narrow-screen rule and dark-mode colours; Gmail and others that drop it still show the inline
/// light layout, whose colours read on a dark background too (no transparent images, no white text on nothing).
/// </remarks>
public sealed class EmailLayout(IOptions<ContentGenerationOptions> options, EmailLinks links)
{
    // A campaign writes thousands of emails a second, each about 12,000 characters of HTML: builders are reused (one
    // per email at a time, returned once the string is made) and values are encoded straight into them, so the only
    // allocation an email's body costs is its final string.
    private static readonly ObjectPool<StringBuilder> Builders =
        new DefaultObjectPoolProvider().CreateStringBuilderPool(initialCapacity: 16_384, maximumRetainedCapacity: 65_536);

    // Keeps clients from filling the inbox preview with the body's first words after the preheader.
    private static readonly string PreheaderSpacer = string.Concat(Enumerable.Repeat("&#8199;&#847; ", 12));

    private const string Font = "font-family:Arial,Helvetica,sans-serif;";
    private const string Ink = "#1f2937";
    private const string Muted = "#4b5563";
    private const string Accent = "#1d4ed8";

    private static readonly string Style = """
        <style>
        :root { color-scheme: light dark; supported-color-schemes: light dark; }
        @media only screen and (max-width: 620px) {
          .container { width: 100% !important; }
          .pad { padding-left: 16px !important; padding-right: 16px !important; }
        }
        @media only screen and (max-width: 480px) {
          .stack { display: block !important; width: auto !important; text-align: left !important; }
          .stack-after { padding-top: 0 !important; }
        }
        @media (prefers-color-scheme: dark) {
          .page { background-color: #111827 !important; }
          .card { background-color: #1f2937 !important; }
          .item { background-color: #111827 !important; border-color: #374151 !important; }
          .ink { color: #f3f4f6 !important; }
          .muted { color: #d1d5db !important; }
          .link { color: #93c5fd !important; }
        }
        </style>
        """.ReplaceLineEndings("\n");

    private readonly ContentGenerationOptions _options = options.Value;
    private readonly PriceFormat _prices = PriceFormat.From(options.Value);

    public string Price(decimal price) => _prices.Format(price);

    /// <param name="callsToAction">Link text per item id; an item without one gets the section's ("Order again", "Take a look").</param>
    /// <param name="singleHeading">
    /// A heading to show every item under, in their order, instead of the reader's sections: for an email whose items
    /// are not picked for the reader (the control group's bestsellers), where "New for you" over something they bought
    /// would be untrue.
    /// </param>
    public ComposedEmail Render(
        EmailFacts facts,
        string subject,
        string preheader,
        string greeting,
        IReadOnlyList<string> paragraphs,
        IReadOnlyDictionary<string, string>? callsToAction = null,
        string? singleHeading = null)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(paragraphs);
        var topic = facts.TopicLabel;
        IReadOnlyList<EmailSection> grouped = singleHeading is null ? facts.Grouped() : [new EmailSection(EmailSections.NewForYou, facts.Items, singleHeading)];
        var sections = grouped
            .Select(section => new ShownSection(section.Heading, [.. section.Items.Select(item => new ShownItem(
                item.ItemId,
                ProductNames.Natural(CopyText.SingleLine(item.Title) ?? item.ItemId),
                ReasonWords.For(item, topic),
                Price(item.Price),
                links.Product(facts.EmailId, item.ItemId),
                CopyText.SingleLine(callsToAction?.GetValueOrDefault(item.ItemId)) ?? (section.Name == EmailSections.BuyAgain ? "Order again" : "Take a look")))]))
            .ToList();
        var unsubscribe = links.Unsubscribe(facts.EmailId);
        return new ComposedEmail(
            subject,
            preheader,
            HtmlBody(subject, preheader, greeting, paragraphs, sections, unsubscribe),
            TextBody(greeting, paragraphs, sections, unsubscribe),
            [.. sections.SelectMany(section => section.Items).Select(item => item.ItemId)]);
    }

    private string HtmlBody(string subject, string preheader, string greeting, IReadOnlyList<string> paragraphs, IReadOnlyList<ShownSection> sections, string unsubscribe)
    {
        var html = Builders.Get();
        try
        {
            WriteHtml(html, subject, preheader, greeting, paragraphs, sections, unsubscribe);
            return html.ToString();
        }
        finally
        {
            Builders.Return(html);
        }
    }

    private void WriteHtml(StringBuilder html, string subject, string preheader, string greeting, IReadOnlyList<string> paragraphs, IReadOnlyList<ShownSection> sections, string unsubscribe)
    {
        html.Append("<!DOCTYPE html>\n<html lang=\"en\" dir=\"ltr\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<meta name=\"x-apple-disable-message-reformatting\">\n")
            .Append("<meta name=\"color-scheme\" content=\"light dark\">\n<meta name=\"supported-color-schemes\" content=\"light dark\">\n")
            .Append("<title>").AppendEncoded(subject).Append("</title>\n")
            .Append(Style).Append("\n</head>\n")
            .Append("<body class=\"page\" style=\"margin:0;padding:0;background-color:#f3f4f6;\">\n")
            // The preheader is the inbox preview line: present for mail clients, hidden in the opened email; the
            // spacers after it keep clients from filling the preview with the body's first words.
            .Append("<div style=\"display:none;max-height:0;overflow:hidden;mso-hide:all;font-size:1px;line-height:1px;\">")
            .AppendEncoded(preheader).Append(PreheaderSpacer).Append("</div>\n")
            .Append("<table role=\"presentation\" class=\"page\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" style=\"background-color:#f3f4f6;\">\n")
            .Append("<tr><td align=\"center\" style=\"padding:24px 8px;\">\n")
            // A catalog name or first name with no space to wrap at (300 letters, a URL-like code) would otherwise stretch
            // the card past the screen and push the buttons out of sight: everything inside inherits breaking such a word.
            // overflow-wrap:anywhere is the standard property; word-break:break-word the older one that clients without
            // it read instead.
            .Append("<table role=\"presentation\" class=\"container card\" width=\"600\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" style=\"width:600px;max-width:600px;background-color:#ffffff;border-radius:8px;overflow-wrap:anywhere;word-break:break-word;\">\n");
        Header(html);
        html.Append("<tr><td class=\"pad\" style=\"padding:8px 32px 0;\"><h1 class=\"ink\" style=\"margin:0;").Append(Font)
            .Append("font-size:24px;line-height:32px;font-weight:bold;color:").Append(Ink).Append(";\">").AppendEncoded(greeting).Append("</h1></td></tr>\n");
        foreach (var paragraph in paragraphs)
        {
            html.Append("<tr><td class=\"pad ink\" style=\"padding:12px 32px 0;").Append(Font).Append("font-size:16px;line-height:24px;color:").Append(Ink).Append(";\">")
                .AppendEncoded(paragraph).Append("</td></tr>\n");
        }

        foreach (var section in sections)
        {
            html.Append("<tr><td class=\"pad\" style=\"padding:28px 32px 4px;\"><h2 class=\"ink\" style=\"margin:0;").Append(Font)
                .Append("font-size:18px;line-height:24px;font-weight:bold;color:").Append(Ink).Append(";\">").AppendEncoded(section.Heading).Append("</h2></td></tr>\n");
            foreach (var item in section.Items)
            {
                Item(html, item);
            }
        }

        html.Append("<tr><td class=\"pad muted\" style=\"padding:32px 32px 28px;").Append(Font).Append("font-size:12px;line-height:18px;color:").Append(Muted).Append(";\">")
            .Append("You receive this email from ").AppendEncoded(_options.BrandName)
            .Append(" because you agreed to hear from us.<br>");
        if (_options.PostalAddress is { } address)
        {
            html.AppendEncoded(address).Append("<br>");
        }

        html.Append("<a class=\"link\" href=\"").AppendEncoded(unsubscribe).Append("\" style=\"color:").Append(Muted).Append(";text-decoration:underline;\">Unsubscribe</a>")
            .Append("</td></tr>\n</table>\n</td></tr>\n</table>\n</body>\n</html>\n");
    }

    private void Header(StringBuilder html)
    {
        html.Append("<tr><td class=\"pad\" style=\"padding:24px 32px 8px;").Append(Font).Append("font-size:15px;line-height:20px;font-weight:bold;color:").Append(Accent).Append(";\">");
        if (_options.LogoUrl is { } logo)
        {
            html.Append("<img src=\"").AppendEncoded(logo).Append("\" alt=\"").AppendEncoded(_options.BrandName)
                .Append("\" height=\"32\" style=\"display:block;height:32px;width:auto;border:0;outline:none;text-decoration:none;\">");
        }
        else
        {
            html.Append("<span class=\"link\" style=\"color:").Append(Accent).Append(";\">").AppendEncoded(_options.BrandName).Append("</span>");
        }

        html.Append("</td></tr>\n");
    }

    private static void Item(StringBuilder html, ShownItem item)
    {
        var link = EncodedHtml.Encoder.Encode(item.Link);
        html.Append("<tr><td class=\"pad\" style=\"padding:8px 32px;\">\n")
            .Append("<table role=\"presentation\" class=\"item\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" style=\"border:1px solid #e5e7eb;border-radius:6px;background-color:#f9fafb;\">\n<tr>\n")
            .Append("<td class=\"stack\" valign=\"top\" style=\"padding:14px 16px;").Append(Font).Append("\">")
            .Append("<a class=\"link\" href=\"").Append(link).Append("\" style=\"font-size:16px;line-height:22px;font-weight:bold;color:").Append(Accent).Append(";text-decoration:none;\">")
            .AppendEncoded(item.Title).Append("</a>");
        if (item.Reason is { } reason)
        {
            html.Append("<div class=\"muted\" style=\"margin:4px 0 0;font-size:14px;line-height:20px;color:").Append(Muted).Append(";\">").AppendEncoded(reason).Append("</div>");
        }

        html.Append("<div class=\"ink\" style=\"margin:6px 0 0;font-size:16px;line-height:22px;font-weight:bold;color:").Append(Ink).Append(";\">").AppendEncoded(item.Price).Append("</div>")
            .Append("</td>\n<td class=\"stack stack-after\" align=\"right\" valign=\"middle\" width=\"140\" style=\"padding:14px 16px;").Append(Font).Append("\">")
            // A link styled as a button: padding on the link itself, which every major client renders as a block.
            .Append("<a href=\"").Append(link).Append("\" style=\"display:inline-block;padding:10px 16px;border-radius:4px;background-color:").Append(Accent)
            .Append(";color:#ffffff;font-size:14px;line-height:18px;font-weight:bold;text-decoration:none;\">").AppendEncoded(item.CallToAction).Append("</a>")
            .Append("</td>\n</tr>\n</table>\n</td></tr>\n");
    }

    private string TextBody(string greeting, IReadOnlyList<string> paragraphs, IReadOnlyList<ShownSection> sections, string unsubscribe)
    {
        var text = Builders.Get();
        try
        {
            WriteText(text, greeting, paragraphs, sections, unsubscribe);
            return text.ToString();
        }
        finally
        {
            Builders.Return(text);
        }
    }

    private void WriteText(StringBuilder text, string greeting, IReadOnlyList<string> paragraphs, IReadOnlyList<ShownSection> sections, string unsubscribe)
    {
        text.Append(greeting).Append("\n\n");
        foreach (var paragraph in paragraphs)
        {
            text.Append(paragraph).Append("\n\n");
        }

        foreach (var section in sections)
        {
            text.Append(section.Heading).Append('\n').Append('-', section.Heading.Length).Append("\n\n");
            foreach (var item in section.Items)
            {
                text.Append(item.Title).Append(" - ").Append(item.Price).Append('\n');
                if (item.Reason is { } reason)
                {
                    text.Append(reason).Append('\n');
                }

                text.Append(item.CallToAction).Append(": ").Append(item.Link).Append("\n\n");
            }
        }

        text.Append("--\nYou receive this email from ").Append(_options.BrandName).Append(" because you agreed to hear from us.\n");
        if (_options.PostalAddress is { } address)
        {
            text.Append(address).Append('\n');
        }

        text.Append("Unsubscribe: ").Append(unsubscribe).Append('\n');
    }

    private sealed record ShownSection(string Heading, IReadOnlyList<ShownItem> Items);

    private sealed record ShownItem(string ItemId, string Title, string? Reason, string Price, string Link, string CallToAction);
}
