namespace Tailor.Contracts;

/// <summary>One item to show a user, with why it was picked.</summary>
/// <param name="Reason">Why, as a short English phrase ("because you bought …"); kept for readers that know no <paramref name="ReasonKind"/>.</param>
/// <param name="ReasonKind">Why, as one of <see cref="ReasonKinds"/>, so an email can word it; null from older senders.</param>
/// <param name="ReasonItemTitle">The item the reason names: what the user bought or viewed that this one is like.</param>
/// <param name="TimesBought">How many orders of this item the user has placed (an order naming it on several lines counts once); null when never (or not known).</param>
/// <param name="ReorderInterval">The user's usual time between two orders of this item; null below three orders (one gap is not a habit).</param>
public record RecommendedItem(
    string ItemId,
    string Title,
    decimal Price,
    double Score,
    string Reason,
    string? ReasonKind = null,
    string? ReasonItemTitle = null,
    int? TimesBought = null,
    TimeSpan? ReorderInterval = null);

/// <summary>The values of <see cref="RecommendedItem.ReasonKind"/>.</summary>
public static class ReasonKinds
{
    /// <summary>The user has ordered it before (the "buy again" model).</summary>
    public const string BuyAgain = "buy-again";

    /// <summary>Like an item the user bought (<see cref="RecommendedItem.ReasonItemTitle"/>).</summary>
    public const string BecauseYouBought = "because-bought";

    /// <summary>Like an item the user viewed (<see cref="RecommendedItem.ReasonItemTitle"/>).</summary>
    public const string BecauseYouViewed = "because-viewed";

    /// <summary>Popular with the customers who share the user's dominant topic.</summary>
    public const string PopularInTopic = "popular-in-topic";

    /// <summary>Popular with everyone right now.</summary>
    public const string Popular = "popular";

    /// <summary>Close in text to what the user has been looking at.</summary>
    public const string CloseToInterests = "content";
}

/// <summary>The items to show a user, best first.</summary>
public record RecommendationsUpdated(
    Guid EventId,
    string UserId,
    DateTimeOffset OccurredAt,
    string ModelVersion,
    IReadOnlyList<RecommendedItem> Items) : IUserEvent;
