using Tailor.ContentGeneration.Composition;
using Tailor.ContentGeneration.Copy;
using Tailor.Contracts;

namespace Tailor.ContentGeneration.Generation;

/// <summary>
/// What the model may know when it writes one email's copy: the brand, the campaign, the reader's topic, first name
/// (when shared, <see cref="LanguageModelOptions.ShareFirstName"/>) and a short history, the email's sections, and the
/// products with their names as the email prints them, prices, sections and reasons, the same facts the template
/// composer writes from. Copy is cached by these facts, so readers with the same facts share one answer.
/// </summary>
/// <param name="Sections">The headings of the email's sections, in order ("Buy again", "New for you").</param>
public sealed record CopyFacts(
    string Brand,
    string BrandVoice,
    string CampaignName,
    string? CampaignGoal,
    string? Segment,
    IReadOnlyList<ProductFact> Products,
    CustomerFacts? Customer = null,
    IReadOnlyList<string>? Sections = null)
{
    public static CopyFacts From(EmailFacts facts, string brand, string brandVoice, Func<decimal, string> price, bool shareFirstName = true)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(price);
        var sections = facts.Grouped();
        return new CopyFacts(
            brand,
            brandVoice,
            CopyText.SingleLine(facts.CampaignName) ?? string.Empty,
            CopyText.SingleLine(facts.CampaignGoal),
            CopyText.SingleLine(facts.TopicLabel),
            [.. sections.SelectMany(section => section.Items.Select(item => new ProductFact(
                item.ItemId,
                ProductNames.Natural(CopyText.SingleLine(item.Title) ?? item.ItemId),
                price(item.Price),
                section.Heading,
                ReasonWords.For(item, facts.TopicLabel),
                item.TimesBought is > 0 ? item.TimesBought : null,
                ReasonWords.IsReorder(item) ? ReasonWords.Rhythm(item.ReorderInterval) : null)))],
            new CustomerFacts(shareFirstName ? CopyText.SingleLine(facts.FirstName) : null, History(sections)),
            [.. sections.Select(section => section.Heading)]);
    }

    // What the reader's own orders say, in one line: how many of these products they re-order and how often.
    private static string History(IReadOnlyList<EmailSection> sections)
    {
        var regulars = sections.Where(section => section.Name == EmailSections.BuyAgain).SelectMany(section => section.Items).ToList();
        if (regulars.Count == 0)
        {
            return "Has not ordered any of these products before.";
        }

        var details = regulars.Take(3).Select(item =>
        {
            var name = ProductNames.InSentence(CopyText.SingleLine(item.Title) ?? item.ItemId);
            var times = item.TimesBought switch
            {
                1 => "once",
                > 1 => $"{item.TimesBought} times",
                _ => "before",
            };
            return ReasonWords.Rhythm(item.ReorderInterval) is { } rhythm ? $"{name} ({times}, {rhythm})" : $"{name} ({times})";
        });
        return $"Has ordered {regulars.Count} of these products before: {string.Join("; ", details)}.";
    }
}

/// <param name="Section">The heading of the section the email shows the product in.</param>
/// <param name="Reason">Why this reader gets the product, as the email says it.</param>
/// <param name="TimesBought">How many times the reader ordered it; null when never or not known.</param>
/// <param name="OrderRhythm">How often they order it ("every few weeks"), for a re-order with a known rhythm.</param>
public sealed record ProductFact(
    string ItemId,
    string Name,
    string Price,
    string? Section = null,
    string? Reason = null,
    int? TimesBought = null,
    string? OrderRhythm = null);

/// <summary>The reader, as far as the copy may speak of them.</summary>
/// <param name="FirstName">Null when not known or not shared with the model.</param>
/// <param name="History">A one-line summary of their orders of these products.</param>
public sealed record CustomerFacts(string? FirstName, string History);
