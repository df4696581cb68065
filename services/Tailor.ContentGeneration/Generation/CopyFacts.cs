using Tailor.ContentGeneration.Composition;

namespace Tailor.ContentGeneration.Generation;

/// <summary>
/// What the model may know when it writes one segment's copy: the brand, the campaign, the segment's topic and the
/// products with their catalog names and prices. Nothing about the person: copy is shared by every user of the same
/// campaign, segment and products, and the greeting with the first name is added by Tailor.
/// </summary>
public sealed record CopyFacts(string Brand, string BrandVoice, string CampaignName, string? CampaignGoal, string? Segment, IReadOnlyList<ProductFact> Products)
{
    public static CopyFacts From(EmailFacts facts, string brand, string brandVoice, Func<decimal, string> price)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(price);
        return new CopyFacts(
            brand,
            brandVoice,
            CopyText.SingleLine(facts.CampaignName) ?? string.Empty,
            CopyText.SingleLine(facts.CampaignGoal),
            CopyText.SingleLine(facts.TopicLabel),
            [.. facts.Items.Select(item => new ProductFact(item.ItemId, CopyText.SingleLine(item.Title) ?? item.ItemId, price(item.Price)))]);
    }
}

public sealed record ProductFact(string ItemId, string Name, string Price);
