using Microsoft.Extensions.Options;
using Tailor.Contracts;

namespace Tailor.ContentGeneration.Composition;

/// <summary>
/// Writes an email from <see cref="EmailFacts"/> with fixed templates: deterministic (same facts, same bytes) and
/// grounded (every name, label, title and price comes from the facts). <see cref="EmailLayout"/> builds the HTML.
/// </summary>
public sealed class TemplateComposer(IOptions<ContentGenerationOptions> options, EmailLayout layout)
{
    public const int MaxSubjectLength = 60;
    public const int MaxPreheaderLength = 100;

    private readonly string _brand = options.Value.BrandName;

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
        var subject = Subject(firstName, topic);
        var preheader = Preheader(facts.Items, facts.Items.Min(item => item.Price));
        var greeting = firstName is null ? "Hello," : $"Hi {firstName},";
        return layout.Render(facts, subject, preheader, greeting, [Intro(campaign, topic)]);
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

    private string Preheader(IReadOnlyList<RecommendedItem> items, decimal lowestPrice)
    {
        var rest = items.Count == 1
            ? $", {layout.Price(items[0].Price)}, picked for you at {_brand}"
            : $" and {items.Count - 1} more picks for you at {_brand}, from {layout.Price(lowestPrice)}";
        var titleRoom = Math.Max(MaxPreheaderLength - rest.Length, 10);
        var firstTitle = CopyText.SingleLine(items[0].Title) ?? items[0].ItemId;
        return CopyText.Fit(CopyText.Fit(firstTitle, titleRoom) + rest, MaxPreheaderLength);
    }

    private static string Intro(string? campaign, string? topic)
    {
        var picks = topic is null ? "picks we chose for you" : $"new {topic} picks we chose for you";
        return campaign is null ? $"Here are {picks}." : $"{campaign}: {picks}.";
    }
}
