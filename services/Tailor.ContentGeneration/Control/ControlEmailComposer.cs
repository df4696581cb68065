using Microsoft.Extensions.Options;
using Tailor.ContentGeneration.Composition;
using Tailor.Contracts;

namespace Tailor.ContentGeneration.Control;

/// <summary>
/// Writes the control group's email: the same for every reader of a campaign (no name, no topic, no history), so that
/// what the personalised arm gains over it is personalisation's doing. Laid out by <see cref="EmailLayout"/> like every
/// other email, with the same links and unsubscribe.
/// </summary>
public sealed class ControlEmailComposer(IOptions<ContentGenerationOptions> options, EmailLayout layout)
{
    private readonly string _brand = options.Value.BrandName;

    /// <summary>The control group's fixed subject: the brand and the bestsellers, never the reader.</summary>
    public string Subject => $"{_brand}: this week's bestsellers";

    /// <param name="bestsellers">The items to show, best first; at least one.</param>
    public ComposedEmail Compose(Guid emailId, string campaignName, IReadOnlyList<RecommendedItem> bestsellers)
    {
        ArgumentNullException.ThrowIfNull(bestsellers);
        if (bestsellers.Count == 0)
        {
            throw new ArgumentException("An email needs at least one item to show.", nameof(bestsellers));
        }

        var facts = new EmailFacts(emailId, FirstName: null, TopicLabel: null, bestsellers, campaignName);
        var preheader = $"What our customers are buying most right now, from {layout.Price(bestsellers.Min(item => item.Price))}";
        return layout.Render(facts, Subject, preheader, "Hello,", [$"These are this week's bestsellers at {_brand}."], singleHeading: "This week's bestsellers");
    }
}
