namespace Tailor.Contracts;

/// <summary>The sections an email may have (<see cref="CampaignRequested.Sections"/>).</summary>
public static class EmailSections
{
    /// <summary>Items the customer has ordered before and the recommender offers again.</summary>
    public const string BuyAgain = "buyAgain";

    /// <summary>Items the customer has not ordered.</summary>
    public const string NewForYou = "newForYou";

    /// <summary>Every section, in the order an email shows them when the campaign names none.</summary>
    public static IReadOnlyList<string> All { get; } = [BuyAgain, NewForYou];

    public static bool IsKnown(string? section) => section is BuyAgain or NewForYou;
}
