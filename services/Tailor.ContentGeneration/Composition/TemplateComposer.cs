using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.Options;
using Tailor.Contracts;

namespace Tailor.ContentGeneration.Composition;

/// <summary>
/// Writes an email from <see cref="EmailFacts"/> with fixed templates: deterministic (same facts, same bytes) and
/// grounded (every name, label, title and price comes from the facts). The HTML is built here value by value,
/// each one HTML-encoded, so no profile or catalog text is ever inserted raw.
/// </summary>
public sealed class TemplateComposer(IOptions<ContentGenerationOptions> options, EmailLinks links)
{
    public const int MaxSubjectLength = 60;
    public const int MaxPreheaderLength = 100;

    // Encodes what HTML needs encoded and leaves letters of every script (and "£") readable in the source.
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    private readonly string _brand = options.Value.BrandName;
    private readonly string _currency = options.Value.CurrencySymbol;

    public ComposedEmail Compose(EmailFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        if (facts.Items.Count == 0)
        {
            throw new ArgumentException("An email needs at least one item to show.", nameof(facts));
        }

        var firstName = CopyText.SingleLine(facts.FirstName);
        var topic = CopyText.SingleLine(facts.TopicLabel);
        var campaign = CopyText.SingleLine(facts.CampaignName);
        var items = facts.Items
            .Select(item => new ShownItem(item.ItemId, CopyText.SingleLine(item.Title) ?? item.ItemId, Price(item.Price), links.Product(facts.EmailId, item.ItemId)))
            .ToList();

        var subject = Subject(firstName, topic);
        var preheader = Preheader(items, facts.Items.Min(item => item.Price));
        var greeting = firstName is null ? "Hello," : $"Hi {firstName},";
        var intro = Intro(campaign, topic);
        var unsubscribe = links.Unsubscribe(facts.EmailId);
        return new ComposedEmail(
            subject,
            preheader,
            HtmlBody(subject, preheader, greeting, intro, items, unsubscribe),
            TextBody(greeting, intro, items, unsubscribe),
            [.. items.Select(item => item.ItemId)]);
    }

    /// <summary>The most personal subject that fits: name and topic, then fewer facts, then a plain line.</summary>
    private string Subject(string? firstName, string? topic)
    {
        // Topic labels join phrases ("t-light holder & hanging heart", or top words "heart, holder, light" from models
        // trained before labels were phrases); the first part alone is the short form.
        var shortTopic = topic?.Split([',', '&'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        string?[] candidates =
        [
            firstName is not null && topic is not null ? $"{firstName}, new {topic} picks for you" : null,
            firstName is not null && shortTopic is not null ? $"{firstName}, new {shortTopic} picks for you" : null,
            firstName is not null ? $"{firstName}, new picks for you" : null,
            topic is not null ? $"New {topic} picks for you" : null,
            shortTopic is not null ? $"New {shortTopic} picks for you" : null,
            $"New picks for you from {_brand}",
        ];
        return candidates.FirstOrDefault(candidate => candidate is { Length: <= MaxSubjectLength })
            ?? "New picks for you";
    }

    private string Preheader(IReadOnlyList<ShownItem> items, decimal lowestPrice)
    {
        var rest = items.Count == 1
            ? $", {items[0].Price}, picked for you at {_brand}"
            : $" and {items.Count - 1} more picks for you at {_brand}, from {Price(lowestPrice)}";
        var titleRoom = Math.Max(MaxPreheaderLength - rest.Length, 10);
        return CopyText.Fit(CopyText.Fit(items[0].Title, titleRoom) + rest, MaxPreheaderLength);
    }

    private static string Intro(string? campaign, string? topic)
    {
        var picks = topic is null ? "picks we chose for you" : $"new {topic} picks we chose for you";
        return campaign is null ? $"Here are {picks}." : $"{campaign}: {picks}.";
    }

    private string HtmlBody(string subject, string preheader, string greeting, string intro, IReadOnlyList<ShownItem> items, string unsubscribe)
    {
        var html = new StringBuilder(2_048);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(Html.Encode(subject)).Append("</title>\n</head>\n")
            .Append("<body style=\"margin:0;padding:0;background:#f6f6f6;font-family:Arial,Helvetica,sans-serif;color:#222222;\">\n")
            // The preheader is the inbox preview line: present for mail clients, hidden in the opened email.
            .Append("<div style=\"display:none;max-height:0;overflow:hidden;\">").Append(Html.Encode(preheader)).Append("</div>\n")
            .Append("<div style=\"max-width:600px;margin:0 auto;padding:24px;background:#ffffff;\">\n")
            .Append("<h1 style=\"font-size:22px;margin:0 0 16px;\">").Append(Html.Encode(greeting)).Append("</h1>\n")
            .Append("<p style=\"font-size:16px;line-height:1.5;\">").Append(Html.Encode(intro)).Append("</p>\n")
            .Append("<ul style=\"list-style:none;padding:0;margin:0;\">\n");
        foreach (var item in items)
        {
            html.Append("<li style=\"margin:0 0 16px;\"><a href=\"").Append(Html.Encode(item.Link))
                .Append("\" style=\"color:#0b5cad;font-weight:bold;text-decoration:none;\">").Append(Html.Encode(item.Title))
                .Append("</a><br><span style=\"font-size:15px;\">").Append(Html.Encode(item.Price)).Append("</span></li>\n");
        }

        html.Append("</ul>\n")
            .Append("<p style=\"font-size:12px;color:#666666;\">You receive this email from ").Append(Html.Encode(_brand))
            .Append(" because you agreed to hear from us. <a href=\"").Append(Html.Encode(unsubscribe))
            .Append("\" style=\"color:#666666;\">Unsubscribe</a></p>\n")
            .Append("</div>\n</body>\n</html>\n");
        return html.ToString();
    }

    private string TextBody(string greeting, string intro, IReadOnlyList<ShownItem> items, string unsubscribe)
    {
        var text = new StringBuilder(1_024);
        text.Append(greeting).Append("\n\n").Append(intro).Append("\n\n");
        foreach (var item in items)
        {
            text.Append(item.Title).Append(" - ").Append(item.Price).Append('\n').Append(item.Link).Append("\n\n");
        }

        text.Append("--\nYou receive this email from ").Append(_brand).Append(" because you agreed to hear from us.\n")
            .Append("Unsubscribe: ").Append(unsubscribe).Append('\n');
        return text.ToString();
    }

    private string Price(decimal price) => _currency + price.ToString("N2", CultureInfo.InvariantCulture);

    private sealed record ShownItem(string ItemId, string Title, string Price, string Link);
}
