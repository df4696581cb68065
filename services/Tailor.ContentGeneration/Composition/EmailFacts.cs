using Tailor.Contracts;

namespace Tailor.ContentGeneration.Composition;

/// <summary>
/// Everything an email may say about its reader: the composer writes from these facts only, so no copy claims
/// anything the profile does not hold.
/// </summary>
/// <param name="Items">The recommended items to show, best first; at least one.</param>
/// <param name="CampaignGoal">What the marketer wants the campaign to do, in their words.</param>
/// <param name="Sections">The campaign's sections in order (<see cref="EmailSections"/>); null for all of them.</param>
/// <param name="SendAt">When the email is planned to go out, for copy about the time of year; null when not known.</param>
public sealed record EmailFacts(
    Guid EmailId,
    string? FirstName,
    string? TopicLabel,
    IReadOnlyList<RecommendedItem> Items,
    string CampaignName,
    string? CampaignGoal = null,
    IReadOnlyList<string>? Sections = null,
    DateTimeOffset? SendAt = null)
{
    /// <summary>The items by section, in the campaign's order of sections, each section best first; empty sections left out.</summary>
    public IReadOnlyList<EmailSection> Grouped()
    {
        return [.. (Sections ?? EmailSections.All)
            .Select(section => new EmailSection(section, [.. Items.Where(item => SectionOf(item) == section)]))
            .Where(section => section.Items.Count > 0)];
    }

    /// <summary>"Buy again" for what the recommender offers as a re-order, "New for you" for the rest.</summary>
    public static string SectionOf(RecommendedItem item) => Copy.ReasonWords.IsReorder(item) ? EmailSections.BuyAgain : EmailSections.NewForYou;
}

/// <summary>One section of an email: its name (<see cref="EmailSections"/>) and its items, best first.</summary>
/// <param name="ShownHeading">The heading to show instead of the section's own.</param>
public sealed record EmailSection(string Name, IReadOnlyList<RecommendedItem> Items, string? ShownHeading = null)
{
    public string Heading => ShownHeading ?? (Name == EmailSections.BuyAgain ? "Buy again" : "New for you");
}
